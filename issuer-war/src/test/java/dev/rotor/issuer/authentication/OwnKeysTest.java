package dev.rotor.issuer.authentication;

import com.auth0.jwt.JWT;
import dev.rotor.filter.configuration.Settings;
import dev.rotor.filter.configuration.VerifierConfig;
import dev.rotor.filter.protocol.JsonWebKey;
import dev.rotor.filter.protocol.JwsAlgorithm;
import dev.rotor.filter.verification.JwksSource;
import dev.rotor.filter.verification.KeyResolver;
import dev.rotor.filter.verification.TokenVerifier;
import dev.rotor.issuer.configuration.IssuerConfig;
import dev.rotor.issuer.keys.control.JwksSnapshots;
import dev.rotor.issuer.keys.control.KnownKeys;
import dev.rotor.issuer.keys.control.PublicKeyRegistry;
import dev.rotor.issuer.keys.entity.KeyStatus;
import dev.rotor.issuer.keys.entity.PublishedKey;
import dev.rotor.issuer.keys.entity.SigningKey;
import dev.rotor.testsupport.MutableClock;
import dev.rotor.testsupport.TestConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The issuer verifies its own tokens with keys handed over from its registry, parsed once. */
class OwnKeysTest {

    private static final URI ISSUER = URI.create("https://issuer.example");

    private final MutableClock clock = MutableClock.atFixedInstant();
    private final List<PublishedKey> published = new ArrayList<>();
    private final PublicKeyRegistry registry = new PublicKeyRegistry() {
        @Override
        public void publish(List<PublishedKey> keys, Instant now) {
            published.addAll(keys);
        }

        @Override
        public int restore(List<PublishedKey> keys, Instant now) {
            throw new UnsupportedOperationException("Redis never loses its data here");
        }

        @Override
        public List<PublishedKey> live(Instant now) {
            return published.stream().filter(key -> key.expiresAt().isAfter(now)).toList();
        }
    };
    private final IssuerConfig issuer = IssuerConfig.from(Settings.from(key -> Optional.ofNullable(Map.of(
            "rotor.issuer", ISSUER.toString(), "rotor.keys.algorithm", "ES256").get(key))));
    private final OwnKeys own = new OwnKeys(new JwksSnapshots(registry,
            new KnownKeys(registry, List::of, () -> false), issuer, clock));
    private KeyResolver keys;

    @AfterEach
    void close() {
        if (keys != null) {
            keys.close();
        }
    }

    private SigningKey publishedKey(JwsAlgorithm algorithm) {
        SigningKey key = SigningKey.generate(algorithm, clock.instant());
        registry.publish(List.of(new PublishedKey(key.publicKey(), KeyStatus.ACTIVE, "test-instance", null,
                clock.instant().plus(Duration.ofHours(1)), Duration.ofMinutes(15))), clock.instant());
        return key;
    }

    @Test
    void twoHundredIssuerSignedEs256TokensAllVerify() {
        SigningKey key = publishedKey(JwsAlgorithm.ES256);
        VerifierConfig config = TestConfig.forIssuer(ISSUER, "algorithms", "ES256", "tokens.audience", issuer.audience());
        keys = KeyResolver.start(own, config, clock, runnable -> {
            Thread thread = new Thread(runnable, "own-keys-test");
            thread.setDaemon(true);
            return thread;
        });
        TokenVerifier verifier = new TokenVerifier(config, keys, (rid, jti, subject, issuedAt) -> false, clock);

        for (int i = 0; i < 200; i++) {
            Instant now = clock.instant();
            String token = key.sign(JWT.create()
                    .withHeader(Map.of("typ", "at+jwt"))
                    .withIssuer(ISSUER.toString())
                    .withSubject("user-" + i)
                    .withAudience(issuer.audience())
                    .withIssuedAt(now)
                    .withNotBefore(now)
                    .withExpiresAt(now.plus(issuer.accessTtl()))
                    .withJWTId("jti-" + i)
                    .withClaim("rid", "rid-" + i)
                    .withClaim("groups", List.of("user")));

            assertEquals("user-" + i, verifier.verify(token).subject(), "token " + i);
        }
    }

    @Test
    void keysAreHandedOverAsParsedKeysAndEachIsParsedOnce() {
        SigningKey key = publishedKey(JwsAlgorithm.RS256);

        JwksSource.Keys first = own.fetchKeys().join();
        JwksSource.Keys second = own.fetchKeys().join();

        assertEquals(1, first.keys().size());
        JsonWebKey parsed = first.keys().get(0);
        assertEquals(key.kid(), parsed.kid());
        assertEquals(JwsAlgorithm.RS256, parsed.algorithm());
        assertSame(parsed, second.keys().get(0), "the same key is not parsed again");
    }
}
