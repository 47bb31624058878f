package dev.rotor.it;

import dev.rotor.it.support.IssuerDeployment;
import dev.rotor.it.support.TestTokens;
import dev.rotor.it.support.WildFlyServer;
import dev.rotor.testsupport.RedisFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The sample application on WildFly, protected by the filter at /filter and by the mechanism at /mechanism, both in
 * one server started once for this class, each with its own Redis. The server has Elytron's Jakarta Security
 * integration enabled ({@link WildFlyServer#ENABLE_JAKARTA_SECURITY}), as the README says.
 * <p>
 * One difference is WildFly's own and is asserted as it is: RESTEasy enforces {@code @RolesAllowed} (with
 * {@code resteasy.role.based.security}) by its own check, which answers 403 with a text body of its own to every
 * caller not in the role, one without a token included. Rotor still adds its challenge and {@code no-store}.
 */
class WildFlyIT {

    // closed in stop(), not registered as extensions: @Nested classes would run their afterAll after each of them
    static final TestTokens tokens = new TestTokens();
    static final RedisFixture filterRedis = RedisFixture.start();
    static final RedisFixture mechanismRedis = RedisFixture.start();
    static WildFlyServer wildfly;

    @BeforeAll
    static void deployBothIntegrations() {
        Instant begin = Instant.now();
        wildfly = WildFlyServer.start("wildfly", Map.of(
                "filter", IssuerDeployment.export(ProtectedAppContract.filterApp(tokens, filterRedis), "wildfly-filter"),
                "mechanism", IssuerDeployment.export(ProtectedAppContract.mechanismApp(tokens, mechanismRedis),
                        "wildfly-mechanism")));
        System.out.printf("WildFly: configured, started and both WARs deployed in %d s%n",
                Duration.between(begin, Instant.now()).toSeconds());
    }

    @AfterAll
    static void stop() {
        if (wildfly != null) {
            wildfly.close();
        }
        tokens.close();
        filterRedis.close();
        mechanismRedis.close();
    }

    /** RESTEasy's refusal of a caller that {@code @RolesAllowed} does not admit, with Rotor's headers added. */
    static void assertRestEasyRefusal(HttpResponse<String> response, String body) {
        assertEquals(403, response.statusCode(), response.body());
        assertEquals("Bearer realm=\"sample\", error=\"insufficient_scope\"",
                ProtectedAppContract.header(response, "WWW-Authenticate"));
        assertEquals("no-store", ProtectedAppContract.header(response, "Cache-Control"));
        assertEquals(body, response.body());
    }

    @Nested
    class Filter extends ProtectedAppContract {

        /** The filter app has no ExceptionMapper, so the body is RESTEasy's. */
        @Override
        @Test
        void missingRoleGets403InsufficientScope() {
            assertRestEasyRefusal(get("/api/secure", tokens.token("carol", rid(), List.of("user"))),
                    "Access forbidden: role not allowed");
        }

        @Override
        URI base() {
            return wildfly.uri("/filter/");
        }

        @Override
        RedisFixture redis() {
            return filterRedis;
        }

        @Override
        TestTokens tokens() {
            return tokens;
        }
    }

    @Nested
    class Mechanism extends ProtectedAppContract {

        private static final String APP_FORBIDDEN = "{\"sampleError\":403}";

        /** Container constraints (/servlet/*) challenge with 401; RESTEasy's role check (/api/secure) answers 403. */
        @Override
        @Test
        void noTokenGets401WithABareBearerChallenge() {
            HttpResponse<String> servlet = http.get(uri("/servlet/whoami"));
            assertEquals(401, servlet.statusCode());
            assertEquals("Bearer realm=\"sample\"", header(servlet, "WWW-Authenticate"));
            assertEquals("no-store", header(servlet, "Cache-Control"));
            assertRestEasyRefusal(http.get(uri("/api/secure")), APP_FORBIDDEN);
        }

        @Override
        @Test
        void challengesAndTheApplicationsErrorHandlingGiveOneWellFormedResponse() {
            for (int i = 0; i < 3; i++) {
                assertRestEasyRefusal(http.get(uri("/api/secure")), APP_FORBIDDEN);
            }
            assertEquals(200, get("/api/secure", tokens.token("alice", rid(), List.of("admin"))).statusCode(),
                    "the connection is still in step");
        }

        @Override
        @Test
        void otherSchemesAndTokensOutsideTheHeaderAreNotAccepted() {
            String token = tokens.token("alice", rid(), List.of("user", "admin"));
            assertRestEasyRefusal(http.send(request("/api/secure").header("Authorization", "Basic YWxpY2U6eA==")
                    .build()), APP_FORBIDDEN);
            assertRestEasyRefusal(http.get(uri("/api/secure?access_token=" + token)), APP_FORBIDDEN);
        }

        @Override
        URI base() {
            return wildfly.uri("/mechanism/");
        }

        @Override
        RedisFixture redis() {
            return mechanismRedis;
        }

        @Override
        TestTokens tokens() {
            return tokens;
        }
    }
}
