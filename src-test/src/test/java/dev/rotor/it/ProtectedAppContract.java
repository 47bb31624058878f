package dev.rotor.it;

import dev.rotor.filter.configuration.RedisEndpoint;
import dev.rotor.filter.protocol.RevocationEvent;
import dev.rotor.filter.protocol.RedisNames;
import dev.rotor.testsupport.BlacklistWriter;
import dev.rotor.it.support.Http;
import dev.rotor.it.support.Poll;
import dev.rotor.it.support.SampleApp;
import dev.rotor.it.support.TestTokens;
import dev.rotor.testsupport.RedisFixture;
import jakarta.json.JsonObject;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a sample enterprise application protected by Rotor must do, whichever way it is protected and on whichever
 * server. Each subclass deploys the same application once, {@link #filterApp} or {@link #mechanismApp}, and names
 * where it runs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ProtectedAppContract {

    final Http http = new Http();

    /** The sample protected by the filter: /api/*, /servlet/* and /signed-in/* need a token, /api/public does not. */
    static WebArchive filterApp(TestTokens tokens, RedisFixture redis) {
        Map<String, String> settings = new HashMap<>(tokens.verifierSettings(redis.uri().toString()));
        settings.put("rotor.protected-paths", "/api/*,/servlet/*,/signed-in/*");
        settings.put("rotor.public-paths", "/api/public");
        return SampleApp.withFilter(settings);
    }

    /** The sample protected by the mechanism: role user on /servlet/*, any caller ({@code **}) on /signed-in/*. */
    static WebArchive mechanismApp(TestTokens tokens, RedisFixture redis) {
        return SampleApp.withMechanism(tokens.verifierSettings(redis.uri().toString()));
    }

    /** Where the application is deployed, ending in "/", e.g. {@code http://localhost:8080/filter/}. */
    abstract URI base();

    /** This class's own Redis, started by the test. */
    abstract RedisFixture redis();

    /** This class's own test issuer. */
    abstract TestTokens tokens();

    /**
     * A verifier fails closed (503) until its revocation mirror has loaded its first snapshot, which a freshly
     * deployed application may not have done yet when the first test runs.
     */
    @BeforeEach
    void revocationStateIsLoaded() {
        String token = tokens().token("ready", rid(), List.of("user", "admin"));
        assertTrue(Poll.until(Duration.ofSeconds(20), () -> get("/api/secure", token).statusCode() != 503),
                "the application's revocation mirror loaded its snapshot");
    }

    @Test
    void validTokenReachesTheRoleProtectedResource() {
        HttpResponse<String> response = get("/api/secure", tokens().token("alice", rid(), List.of("user", "admin")));
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("secure:alice:admin=true", response.body());
    }

    @Test
    void servletSeesTheCallerAndTheirRoles() {
        String rid = rid();
        HttpResponse<String> response = get("/servlet/whoami", tokens().token("bob", rid, List.of("user")));
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("user=bob principal=bob user-role=true admin-role=false rid=" + rid, response.body());
    }

    @Test
    void lowerCaseSchemeWorks() {
        HttpResponse<String> response = http.send(request("/servlet/whoami")
                .header("Authorization", "bearer " + tokens().token("bob", rid(), List.of("user"))).build());
        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void publicResourceNeedsNoToken() {
        HttpResponse<String> response = http.get(uri("/api/public"));
        assertEquals(200, response.statusCode());
        assertEquals("public", response.body());
        assertTrue(response.headers().firstValue("WWW-Authenticate").isEmpty(), "only a refusal challenges");
        assertFalse(response.headers().allValues("Cache-Control").contains("no-store"),
                "a public answer stays as cacheable as the application made it");
    }

    @Test
    void noTokenGets401WithABareBearerChallenge() {
        for (String path : List.of("/api/secure", "/servlet/whoami")) {
            HttpResponse<String> response = http.get(uri(path));
            assertEquals(401, response.statusCode(), path);
            assertEquals("Bearer realm=\"sample\"", header(response, "WWW-Authenticate"), path);
            assertEquals("no-store", header(response, "Cache-Control"), path);
        }
    }

    /** The sample has an ExceptionMapper of its own; challenge and app body must make one well-formed response. */
    @Test
    void challengesAndTheApplicationsErrorHandlingGiveOneWellFormedResponse() {
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> anonymous = http.get(uri("/api/secure"));
            assertEquals(401, anonymous.statusCode());
            assertEquals("Bearer realm=\"sample\"", header(anonymous, "WWW-Authenticate"));
            assertTrue(anonymous.body().equals("{\"sampleError\":401}") || anonymous.body().contains("\"status\":401"),
                    anonymous.body());
        }
        assertEquals(200, get("/api/secure", tokens().token("alice", rid(), List.of("admin"))).statusCode(),
                "the connection is still in step");
    }

    @Test
    void badTokensGet401InvalidToken() {
        String good = tokens().token("alice", rid(), List.of("user", "admin"));
        String tampered = good.substring(0, good.length() - 4) + (good.endsWith("AAAA") ? "BBBB" : "AAAA");
        for (String bad : List.of("garbage", "a.b.c", tampered, tokens().expired("alice"))) {
            HttpResponse<String> response = get("/api/secure", bad);
            assertEquals(401, response.statusCode(), response.body());
            assertTrue(header(response, "WWW-Authenticate").contains("error=\"invalid_token\""));
            assertEquals("no-store", header(response, "Cache-Control"));
            assertEquals("application/problem+json", header(response, "Content-Type"));
            assertFalse(response.body().contains("Exception"), response.body());
            assertFalse(response.body().contains(bad), "no echo of the token");
        }
        assertEquals(200, get("/api/secure", good).statusCode(), "the original token still works");
    }

    /** The filter's protected paths, or the mechanism's {@code <role-name>**</role-name>}: any caller, no role. */
    @Test
    void anyAuthenticatedCallerReachesAPathThatNeedsNoRole() {
        HttpResponse<String> guest = get("/signed-in/whoami", tokens().token("dave", rid(), List.of("guest")));
        assertEquals(200, guest.statusCode(), guest.body());
        assertTrue(guest.body().startsWith("user=dave principal=dave user-role=false"), guest.body());
        HttpResponse<String> anonymous = http.get(uri("/signed-in/whoami"));
        assertEquals(401, anonymous.statusCode(), anonymous.body());
        assertEquals("Bearer realm=\"sample\"", header(anonymous, "WWW-Authenticate"));
    }

    @Test
    void missingRoleGets403InsufficientScope() {
        HttpResponse<String> response = get("/api/secure", tokens().token("carol", rid(), List.of("user")));
        assertEquals(403, response.statusCode(), response.body());
        assertEquals("Bearer realm=\"sample\", error=\"insufficient_scope\"", header(response, "WWW-Authenticate"));
        assertEquals("no-store", header(response, "Cache-Control"));
        assertTrue(header(response, "Content-Type").equals("application/problem+json")
                || response.body().equals("{\"sampleError\":403}"), "Rotor's problem, or the app's own body");
    }

    @Test
    void otherSchemesAndTokensOutsideTheHeaderAreNotAccepted() {
        String token = tokens().token("alice", rid(), List.of("user", "admin"));
        HttpResponse<String> basic = http.send(request("/api/secure").header("Authorization", "Basic YWxpY2U6eA==").build());
        assertEquals(401, basic.statusCode());
        assertEquals("Bearer realm=\"sample\"", header(basic, "WWW-Authenticate"));
        HttpResponse<String> query = http.get(uri("/api/secure?access_token=" + token));
        assertEquals(401, query.statusCode(), "RFC 6750 query tokens are not accepted");
    }

    @Test
    void malformedAuthorizationHeadersGet400InvalidRequest() {
        String token = tokens().token("alice", rid(), List.of("user", "admin"));
        for (String value : List.of("Bearer", "Bearer ", "Bearer " + token + " extra")) {
            HttpResponse<String> response = http.send(request("/servlet/whoami").header("Authorization", value).build());
            assertEquals(400, response.statusCode(), value);
            assertTrue(header(response, "WWW-Authenticate").contains("error=\"invalid_request\""), value);
        }
        HttpResponse<String> twice = http.send(request("/servlet/whoami")
                .header("Authorization", "Bearer " + token).header("Authorization", "Bearer " + token).build());
        assertEquals(400, twice.statusCode(), "two Authorization headers");
    }

    @Test
    void oversizedTokenIsRefusedQuicklyWithout5xx() {
        String huge = "a".repeat(60_000) + ".b.c";
        HttpResponse<String> response = get("/servlet/whoami", huge);
        assertTrue(response.statusCode() >= 400 && response.statusCode() < 500, "got " + response.statusCode());
    }

    @Test
    void unusualMethodsWithoutATokenGetNoData() {
        for (String method : List.of("DELETE", "PUT", "PATCH", "OPTIONS", "TRACE", "PROPFIND")) {
            HttpResponse<String> response = http.send(request("/servlet/whoami")
                    .method(method, HttpRequest.BodyPublishers.noBody())
                    .header("X-HTTP-Method-Override", "GET").build());
            assertTrue(response.statusCode() == 401 || response.statusCode() == 405 || response.statusCode() == 403,
                    method + " got " + response.statusCode());
            assertFalse(response.body().contains("user="), method);
        }
    }

    @Test
    void revokedSessionIsRejectedWithinOneSecond() {
        String rid = rid();
        String token = tokens().token("dave", rid, List.of("user"));
        assertEquals(200, get("/servlet/whoami", token).statusCode());

        new BlacklistWriter(RedisEndpoint.loopback(redis().port()), new RedisNames(RedisNames.DEFAULT_PREFIX),
                Clock.systemUTC()).revoke(RevocationEvent.rid(rid, Instant.now().plus(Duration.ofMinutes(16))));
        Instant revokedAt = Instant.now();
        assertTrue(Poll.until(Duration.ofSeconds(1), () -> get("/servlet/whoami", token).statusCode() == 401),
                "revoked within 1 s");
        assertTrue(Duration.between(revokedAt, Instant.now()).toMillis() <= 1100);
        assertEquals(200, get("/servlet/whoami", tokens().token("dave", rid(), List.of("user"))).statusCode(),
                "another session of the same user is unaffected");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void redisDownLongerThanMaxStalenessFailsClosedThenRecovers() {
        String token = tokens().token("erin", rid(), List.of("user"));
        assertEquals(200, get("/servlet/whoami", token).statusCode());
        redis().stop();
        try {
            assertTrue(Poll.until(Duration.ofSeconds(10), () -> get("/servlet/whoami", token).statusCode() == 503),
                    "fail closed once the mirror is stale");
            HttpResponse<String> unavailable = get("/servlet/whoami", token);
            assertEquals("application/problem+json", header(unavailable, "Content-Type"));
            JsonObject problem = Http.json(unavailable);
            assertEquals(503, problem.getInt("status"));
        } finally {
            redis().restart();
        }
        assertTrue(Poll.until(Duration.ofSeconds(15), () -> get("/servlet/whoami", token).statusCode() == 200),
                "recovers by itself when Redis returns");
    }

    HttpResponse<String> get(String path, String token) {
        return http.send(request(path).header("Authorization", "Bearer " + token).build());
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET();
    }

    URI uri(String path) {
        return base().resolve(path.substring(1));
    }

    static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }

    static String rid() {
        return UUID.randomUUID().toString();
    }
}
