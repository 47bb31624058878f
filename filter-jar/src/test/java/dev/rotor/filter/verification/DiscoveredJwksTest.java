package dev.rotor.filter.verification;

import dev.rotor.testsupport.Await;
import dev.rotor.testsupport.JwksServer;
import dev.rotor.testsupport.MutableClock;
import dev.rotor.testsupport.TestConfig;
import dev.rotor.testsupport.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Without {@code rotor.jwks-uri}, keys come from the JWKS that the issuer's own metadata names. */
class DiscoveredJwksTest {

    private static final KeyPair RSA = TestKeys.rsa();
    private static final ThreadFactory DAEMONS = runnable -> {
        Thread thread = new Thread(runnable, "discovery-test");
        thread.setDaemon(true);
        return thread;
    };

    private final JwksServer server = JwksServer.start(TestKeys.jwks(TestKeys.jwk("a", RSA)));
    private final MutableClock clock = MutableClock.atFixedInstant();
    private KeyResolver resolver;

    @AfterEach
    void close() {
        if (resolver != null) {
            resolver.close();
        }
        server.close();
    }

    private KeyResolver resolver() {
        resolver = KeyResolver.start(TestConfig.forIssuer(server.issuer(), "jwks-refresh-interval", "PT0.1S"), clock,
                DAEMONS);
        return resolver;
    }

    @Test
    void keysAreFoundThroughTheIssuerMetadataWhichIsReadOnce() {
        assertTrue(resolver().resolve("a").isPresent());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(resolver.resolve("unknown").isEmpty(), "an unknown kid refreshes the JWKS");
        assertEquals(1, server.discoveryRequests(), "the metadata is read once");
        assertTrue(server.jwksRequests() >= 2);
        assertEquals(0, server.otherRequests());
    }

    @Test
    void metadataThatNamesAnotherIssuerIsNotTrusted() {
        server.serveMetadata("{\"issuer\":\"https://evil.example\",\"jwks_uri\":\"" + server.jwksUri() + "\"}");
        assertTrue(resolver().resolve("a").isEmpty());
        assertEquals(0, server.jwksRequests(), "no keys fetched for a foreign issuer");
    }

    @Test
    void jwksUriMustBeHttp() {
        server.serveMetadata("{\"issuer\":\"" + server.issuer() + "\",\"jwks_uri\":\"file:///etc/passwd\"}");
        assertTrue(resolver().resolve("a").isEmpty());
        server.serveMetadata("{\"issuer\":\"" + server.issuer() + "\"}");
        clock.advance(Duration.ofSeconds(1));
        assertTrue(resolver.resolve("a").isEmpty(), "metadata without jwks_uri");
        assertEquals(0, server.jwksRequests());
        assertEquals(0, server.otherRequests());
    }

    @Test
    void malformedMetadataIsRetriedUntilItIsGood() {
        server.serveMetadata("[\"not\", \"an object\"]");
        assertTrue(resolver().resolve("a").isEmpty());
        server.serveMetadata(null);
        Await.that(() -> !resolver.isFetching(), Duration.ofSeconds(5), () -> "a fetch that read the bad metadata");
        clock.advance(Duration.ofSeconds(1));
        assertTrue(resolver.resolve("a").isPresent(), "discovered on a later refresh");
    }
}
