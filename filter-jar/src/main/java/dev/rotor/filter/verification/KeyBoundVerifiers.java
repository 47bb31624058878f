package dev.rotor.filter.verification;

import dev.rotor.filter.protocol.JsonWebKey;
import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.AlgorithmMismatchException;
import com.auth0.jwt.exceptions.IncorrectClaimException;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.MissingClaimException;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.auth0.jwt.interfaces.Verification;
import dev.rotor.filter.configuration.VerifierConfig;
import dev.rotor.filter.verification.TokenRejectedException.Reason;

import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signature and claim checks by java-jwt, with one immutable {@link JWTVerifier} per key, built on first use.
 * Every java-jwt failure becomes a {@link TokenRejectedException} with a matching reason.
 */
final class KeyBoundVerifiers {

    /** Keys rotate hourly; a small bound keeps retired keys' verifiers from piling up. */
    private static final int MAX_VERIFIERS = 64;
    private static final String[] REQUIRED_CLAIMS = {"exp", "iat", "sub", "jti", "rid"};

    private final VerifierConfig config;
    private final Clock clock;
    private final Map<JsonWebKey, JWTVerifier> verifiers = new ConcurrentHashMap<>();

    KeyBoundVerifiers(VerifierConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** @throws TokenRejectedException if the signature or a claim is not acceptable */
    DecodedJWT verify(JsonWebKey key, String token) {
        try {
            return verifierFor(key).verify(token);
        } catch (JWTVerificationException e) {
            throw new TokenRejectedException(reason(e));
        }
    }

    private JWTVerifier verifierFor(JsonWebKey key) {
        JWTVerifier verifier = verifiers.get(key);
        if (verifier == null) {
            if (verifiers.size() >= MAX_VERIFIERS) {
                verifiers.clear();
            }
            verifier = verifiers.computeIfAbsent(key, this::build);
        }
        return verifier;
    }

    private JWTVerifier build(JsonWebKey key) {
        Algorithm algorithm = switch (key.algorithm()) {
            case RS256 -> Algorithm.RSA256((RSAPublicKey) key.publicKey(), null);
            case ES256 -> Algorithm.ECDSA256((ECPublicKey) key.publicKey(), null);
        };
        Verification verification = JWT.require(algorithm)
                .withIssuer(config.issuer().toString())
                .withAudience(config.audience())
                .acceptLeeway(config.leeway().toSeconds());
        for (String claim : REQUIRED_CLAIMS) {
            verification.withClaimPresence(claim);
        }
        return ((JWTVerifier.BaseVerification) verification).build(clock);
    }

    private static Reason reason(JWTVerificationException e) {
        if (e instanceof SignatureVerificationException) {
            return Reason.BAD_SIGNATURE;
        }
        if (e instanceof AlgorithmMismatchException) {
            return Reason.KEY_ALGORITHM_MISMATCH;
        }
        if (e instanceof TokenExpiredException) {
            return Reason.EXPIRED;
        }
        if (e instanceof MissingClaimException) {
            return Reason.MISSING_CLAIM;
        }
        if (e instanceof IncorrectClaimException incorrect) {
            return switch (String.valueOf(incorrect.getClaimName())) {
                case "iss" -> Reason.WRONG_ISSUER;
                case "aud" -> Reason.WRONG_AUDIENCE;
                case "nbf", "iat" -> Reason.NOT_YET_VALID;
                case "exp" -> Reason.EXPIRED;
                default -> Reason.MALFORMED;
            };
        }
        return Reason.MALFORMED;
    }
}
