package dev.rotor.issuer.authorization.control;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.rotor.filter.protocol.InvalidJwkException;
import dev.rotor.filter.protocol.JsonWebKey;
import dev.rotor.issuer.authorization.entity.LogoutHint;
import dev.rotor.issuer.keys.control.PublicKeyRegistry;
import dev.rotor.issuer.keys.entity.PublishedKey;
import dev.rotor.issuer.sessions.entity.SessionIds;

import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Verifies an {@code id_token_hint}: an ID token ({@code typ: JWT}, so never an access token) signed by a key the
 * registry still publishes, from this issuer, with one audience and a {@code sid}. It may have expired (a user
 * logs out long after signing in), but not by more than {@link #MAX_AGE}. Anything else is no hint.
 */
public final class IdTokenHints {

    static final Duration MAX_AGE = Duration.ofDays(1);
    static final int MAX_LENGTH = 8192;

    private final PublicKeyRegistry registry;
    private final String issuer;
    private final Clock clock;

    public IdTokenHints(PublicKeyRegistry registry, String issuer, Clock clock) {
        this.registry = registry;
        this.issuer = issuer;
        this.clock = clock;
    }

    /** @throws dev.rotor.issuer.availability.RedisUnavailableException if the keys cannot be read */
    public Optional<LogoutHint> verify(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            DecodedJWT unverified = JWT.decode(token);
            if (!"JWT".equals(unverified.getType()) || unverified.getKeyId() == null) {
                return Optional.empty();
            }
            Optional<JsonWebKey> key = registry.live(clock.instant()).stream()
                    .filter(published -> published.kid().equals(unverified.getKeyId()))
                    .map(PublishedKey::key).map(info -> JsonWebKey.parse(info.jwk())).findFirst();
            if (key.isEmpty() || !key.get().algorithm().name().equals(unverified.getAlgorithm())) {
                return Optional.empty();
            }
            DecodedJWT verified = verifier(key.get()).verify(token);
            List<String> audience = verified.getAudience();
            String sid = verified.getClaim("sid").asString();
            if (audience == null || audience.size() != 1 || !SessionIds.isValid(sid) || verified.getSubject() == null) {
                return Optional.empty();
            }
            return Optional.of(new LogoutHint(verified.getSubject(), sid, audience.get(0)));
        } catch (JWTVerificationException | InvalidJwkException | IllegalArgumentException | ClassCastException e) {
            return Optional.empty();
        }
    }

    private JWTVerifier verifier(JsonWebKey key) {
        Algorithm algorithm = switch (key.algorithm()) {
            case RS256 -> Algorithm.RSA256((RSAPublicKey) key.publicKey(), null);
            case ES256 -> Algorithm.ECDSA256((ECPublicKey) key.publicKey(), null);
        };
        return ((JWTVerifier.BaseVerification) JWT.require(algorithm).withIssuer(issuer)
                .acceptExpiresAt(MAX_AGE.toSeconds())).build(clock);
    }
}
