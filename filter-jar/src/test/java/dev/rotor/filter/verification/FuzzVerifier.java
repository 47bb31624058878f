package dev.rotor.filter.verification;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.rotor.filter.configuration.VerifierConfig;
import dev.rotor.filter.protocol.JsonWebKey;
import dev.rotor.testsupport.TestConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;

/**
 * The verifier the fuzz tests attack: the public keys of the committed seed corpus ({@code fuzz-jwks.json}, made
 * by {@link FuzzSeeds}), in-process, a clock fixed at the corpus' issue time, and a revocation check that revokes
 * the session {@code revoked}. It also holds java-jwt as an independent oracle for signatures.
 */
final class FuzzVerifier {

    static final URI ISSUER = URI.create("https://issuer.example");
    static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final VerifierConfig CONFIG = TestConfig.forIssuer(ISSUER, "algorithms", "RS256,ES256",
            "max-token-size", "65536");
    static final byte[] JWKS = resource("fuzz-jwks.json");
    static final KeyResolver KEYS = KeyResolver.start(
            () -> CompletableFuture.completedFuture(new JwksSource.Document(JWKS, Duration.ofHours(1))),
            CONFIG, CLOCK, runnable -> {
                Thread thread = new Thread(runnable, "fuzz-jwks");
                thread.setDaemon(true);
                return thread;
            });
    static final TokenVerifier VERIFIER = new TokenVerifier(CONFIG, KEYS,
            (rid, jti, subject, issuedAt) -> "revoked".equals(rid), CLOCK);

    private FuzzVerifier() {
    }

    /** @throws AssertionError unless java-jwt, independently, finds the accepted token's signature valid */
    static void requireGenuineSignature(String token) {
        DecodedJWT decoded = JWT.decode(token);
        JsonWebKey key = KEYS.resolve(decoded.getKeyId()).orElseThrow(() -> new AssertionError("accepted, no key"));
        Algorithm algorithm = switch (key.algorithm()) {
            case RS256 -> Algorithm.RSA256((RSAPublicKey) key.publicKey(), null);
            case ES256 -> Algorithm.ECDSA256((ECPublicKey) key.publicKey(), null);
        };
        if (!algorithm.getName().equals(decoded.getAlgorithm())) {
            throw new AssertionError("accepted with another algorithm than its key's");
        }
        algorithm.verify(decoded);
    }

    static byte[] resource(String name) {
        try (InputStream in = FuzzVerifier.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
