package dev.rotor.it;

import dev.rotor.it.support.Http;
import dev.rotor.it.support.IssuerDeployment;
import dev.rotor.it.support.Poll;
import dev.rotor.testsupport.RedisFixture;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One deployed issuer with short key lifetimes: JWKS, discovery, and scheduled rotation. */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IssuerKeysIT {

    @RegisterExtension
    static final RedisFixture redis = RedisFixture.start();

    private static final Set<String> PRIVATE_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "k", "oth");

    @ArquillianResource
    URL base;

    private final Http http = new Http();

    @Deployment(testable = false)
    static WebArchive issuer() {
        return IssuerDeployment.issuer(Map.of(
                "rotor.issuer", "https://issuer.example",
                "rotor.redis.url", redis.uri().toString(),
                "rotor.keys.rotation", "PT4S",
                "rotor.keys.heartbeat", "PT1S",
                "rotor.tokens.access-ttl", "PT2S",
                "rotor.tokens.leeway", "PT1S"));
    }

    @Test
    void jwksListsThePublicKeyOnlyWithShortCaching() {
        HttpResponse<String> response = http.get(uri("/.well-known/jwks.json"));
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("public, max-age=60", response.headers().firstValue("Cache-Control").orElse(""));
        JsonObject key = Http.json(response).getJsonArray("keys").getJsonObject(0);
        assertEquals("RSA", key.getString("kty"));
        assertEquals("RS256", key.getString("alg"));
        assertEquals("sig", key.getString("use"));
        assertEquals("AQAB", key.getString("e"));
        assertTrue(key.getString("n").length() >= 342, "2048-bit modulus");
        assertTrue(key.getString("kid").length() >= 22, "at least 128 bits of kid");
        assertTrue(key.keySet().stream().noneMatch(PRIVATE_MEMBERS::contains), key.toString());
    }

    @Test
    void discoveryDerivesEveryUrlFromTheIssuer() {
        HttpResponse<String> response = http.get(uri("/.well-known/openid-configuration"));
        assertEquals(200, response.statusCode(), response.body());
        JsonObject metadata = Http.json(response);
        assertEquals("https://issuer.example", metadata.getString("issuer"));
        assertEquals("https://issuer.example/.well-known/jwks.json", metadata.getString("jwks_uri"));
        assertEquals("https://issuer.example/oauth2/token", metadata.getString("token_endpoint"));
        assertEquals("https://issuer.example/oauth2/revoke", metadata.getString("revocation_endpoint"));
        assertEquals("https://issuer.example/oauth2/introspect", metadata.getString("introspection_endpoint"));
        assertEquals("RS256", metadata.getJsonArray("id_token_signing_alg_values_supported").getString(0));
        assertFalse(metadata.getJsonArray("response_types_supported").isEmpty());
    }

    @Test
    void rotatedOutKeyStaysListedUntilItsTokensExpireThenLeaves() {
        URI jwks = uri("/.well-known/jwks.json");
        Set<String> before = http.kids(jwks);
        Set<String> seenTogether = new HashSet<>();
        boolean rotated = Poll.until(Duration.ofSeconds(15), () -> {
            Set<String> now = http.kids(jwks);
            if (now.containsAll(before) && !before.containsAll(now)) {
                seenTogether.addAll(now);
                return true;
            }
            return false;
        });
        assertTrue(rotated, "a new key was published while the old one stayed listed; before: " + before);
        assertTrue(seenTogether.containsAll(before));

        String old = before.iterator().next();
        assertTrue(Poll.until(Duration.ofSeconds(15), () -> !http.kids(jwks).contains(old)),
                "a retired key leaves the JWKS once access TTL + leeway have passed");
    }

    @Test
    void unknownPathsAnswerWithProblemDetails() {
        HttpResponse<String> response = http.get(uri("/no-such-thing"));
        assertEquals(404, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertEquals(404, Http.json(response).getInt("status"));
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void jwksFailsVisiblyWhileRedisIsDownAndRecoversWhenItReturns() {
        URI jwks = uri("/.well-known/jwks.json");
        Set<String> before = http.kids(jwks);
        redis.stop();
        try {
            assertTrue(Poll.until(Duration.ofSeconds(10), () -> http.get(jwks).statusCode() == 503),
                    "no recent snapshot left: 503");
            HttpResponse<String> unavailable = http.get(jwks);
            assertEquals("application/problem+json", unavailable.headers().firstValue("Content-Type").orElse(""));
            assertTrue(unavailable.headers().firstValue("Retry-After").isPresent());
            assertEquals(503, Http.json(unavailable).getInt("status"));
            assertFalse(unavailable.body().contains("Exception"), unavailable.body());
        } finally {
            redis.restart();
        }
        assertTrue(Poll.until(Duration.ofSeconds(10), () -> http.statusOrZero(jwks) == 200
                && !http.kids(jwks).isEmpty()), "the instance re-published its key into the empty Redis");
        assertFalse(before.isEmpty());
    }

    private URI uri(String path) {
        return URI.create(base.toString()).resolve(path);
    }
}
