package dev.rotor.it;

import dev.rotor.it.support.Http;
import dev.rotor.it.support.IssuerClient;
import dev.rotor.it.support.IssuerScenario;
import dev.rotor.it.support.MetricsScrape;
import dev.rotor.it.support.Poll;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an orchestrator and Prometheus see: /health/ready, /health/live and the security counters in /metrics. */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperationsIT {

    private static final String ISSUED = "rotor_tokens_issued_total";
    private static final String REFRESHED = "rotor_tokens_refreshed_total";
    private static final String REUSED = "rotor_refresh_reuse_detected_total";
    private static final String REVOKED = "rotor_revocations_total";
    private static final String LOGIN_FAILED = "rotor_login_failures_total";
    private static final String THROTTLED = "rotor_login_throttled_total";
    private static final String KEY_AGE = "rotor_signing_key_age_seconds";

    @RegisterExtension
    static final IssuerScenario scenario = new IssuerScenario();

    @ArquillianResource
    URL base;

    private final Http http = new Http();
    private URI server;
    private IssuerClient issuer;

    @Deployment(testable = false)
    static WebArchive issuer() {
        return scenario.issuer();
    }

    @BeforeEach
    void client() {
        server = URI.create(base.toString());
        issuer = scenario.client(server);
    }


    @Test
    @Order(1)
    void readyAndLiveWithRedisAndAPublishedKey() {
        HttpResponse<String> ready = health("/health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        assertEquals(Map.of("rotor-redis", "UP", "rotor-signing-key", "UP"), rotorChecks(ready));
        HttpResponse<String> live = health("/health/live");
        assertEquals(200, live.statusCode(), live.body());
        assertEquals(Map.of("rotor-key-maintenance", "UP"), rotorChecks(live));

        String all = health("/health").body();
        assertFalse(all.contains(Integer.toString(scenario.redis().port())),
                "no Redis address in health data: " + all);
        assertFalse(all.contains(IssuerScenario.ADMIN_PASSWORD), all);
    }

    @Test
    @Order(2)
    void everyCounterAndTheKeyAgeAreScrapedFromTheStart() {
        MetricsScrape metrics = MetricsScrape.of(http, server);
        for (String name : List.of(ISSUED, REFRESHED, REUSED, REVOKED, LOGIN_FAILED, THROTTLED, KEY_AGE)) {
            assertTrue(metrics.value(name).isPresent(), name + " is scraped; found " + metrics.names().stream()
                    .filter(found -> found.startsWith("rotor")).toList());
        }
        assertTrue(metrics.value(KEY_AGE).orElseThrow() >= 0);
    }

    @Test
    @Order(3)
    void countersMoveWithIssueRefreshReuseAndRevocation() {
        String user = scenario.newUser("user");
        MetricsScrape before = MetricsScrape.of(http, server);

        JsonObject first = scenario.login(user);
        JsonObject second = Http.json(issuer.refresh(first.getString("refresh_token")));
        MetricsScrape afterRefresh = MetricsScrape.of(http, server);
        assertEquals(2.0, afterRefresh.since(before, ISSUED), "login and refresh each sign an access token");
        assertEquals(1.0, afterRefresh.since(before, REFRESHED));
        assertEquals(0.0, afterRefresh.since(before, REUSED));

        assertEquals(400, issuer.refresh(first.getString("refresh_token")).statusCode(), "replayed refresh token");
        MetricsScrape afterReuse = MetricsScrape.of(http, server);
        assertEquals(1.0, afterReuse.since(afterRefresh, REUSED));
        assertEquals(1.0, afterReuse.since(afterRefresh, REVOKED), "the reuse revoked the session");
        assertEquals(0.0, afterReuse.since(afterRefresh, ISSUED));

        String other = scenario.login(user).getString("access_token");
        MetricsScrape beforeRevoke = MetricsScrape.of(http, server);
        assertEquals(200, issuer.revoke(other).statusCode());
        assertEquals(1.0, MetricsScrape.of(http, server).since(beforeRevoke, REVOKED));
        assertFalse(second.getString("access_token").isEmpty());
    }

    @Test
    @Order(4)
    void failedAndThrottledLoginsAreCounted() {
        String user = scenario.newUser("user");
        MetricsScrape before = MetricsScrape.of(http, server);
        for (int attempt = 0; attempt < 3; attempt++) {
            assertEquals(400, issuer.password(user, "wrong-password").statusCode());
        }
        assertEquals(429, issuer.password(user, "wrong-password").statusCode(), "the 4th attempt is throttled");

        MetricsScrape after = MetricsScrape.of(http, server);
        assertEquals(3.0, after.since(before, LOGIN_FAILED));
        assertEquals(1.0, after.since(before, THROTTLED));
        assertEquals(0.0, after.since(before, ISSUED));
    }

    /** Last: the restarted Redis is empty, so no user is left afterwards. */
    @Test
    @Order(Integer.MAX_VALUE)
    void readinessFollowsRedisWhileLivenessStaysUp() {
        scenario.redis().stop();
        try {
            assertTrue(Poll.until(Duration.ofSeconds(15), () -> health("/health/ready").statusCode() == 503),
                    "not ready while Redis is down");
            HttpResponse<String> ready = health("/health/ready");
            assertEquals("DOWN", rotorChecks(ready).get("rotor-redis"), ready.body());
            assertEquals("UP", rotorChecks(ready).get("rotor-signing-key"), "the key still signs: " + ready.body());
            HttpResponse<String> live = health("/health/live");
            assertEquals(200, live.statusCode(), "a Redis outage is no reason to restart: " + live.body());
        } finally {
            scenario.redis().restart();
        }
        assertTrue(Poll.until(Duration.ofSeconds(20), () -> health("/health/ready").statusCode() == 200),
                "ready again once Redis is back");
        assertEquals(200, health("/health/live").statusCode());
    }

    /**
     * Requests that Payara Micro's HTTP layer (Grizzly) answers itself, before any application code runs: the
     * README's table of server-written answers. None may be a 5xx, carry a body, or tell anything about the server.
     */
    @Test
    @Order(5)
    void answersTheServerWritesItselfCarryNoData() throws IOException {
        String big = "a".repeat(70_000);
        Map<String, String> requests = Map.of(
                "oversized header", "GET /.well-known/jwks.json HTTP/1.1\r\nHost: localhost\r\nX-Big: " + big
                        + "\r\n\r\n",
                "oversized request line", "GET /admin/users/" + "a".repeat(9_000) + " HTTP/1.1\r\nHost: localhost"
                        + "\r\n\r\n",
                "malformed Content-Length", "POST /oauth2/token HTTP/1.1\r\nHost: localhost\r\nContent-Length: abc"
                        + "\r\n\r\n",
                "TRACE", "TRACE /oauth2/token HTTP/1.1\r\nHost: localhost\r\n\r\n",
                "bad percent-encoding", "GET /oauth2/%zz HTTP/1.1\r\nHost: localhost\r\n\r\n");
        for (Map.Entry<String, String> request : requests.entrySet()) {
            String answer = raw(request.getValue());
            if (answer.isEmpty()) {
                continue; // the server closed the connection without an answer, which tells nothing either
            }
            String status = answer.substring(0, Math.min(answer.length(), 12));
            assertTrue(status.matches("HTTP/1\\.1 (200|400|405)"), request.getKey() + ": " + status);
            String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
            assertEquals("", body, request.getKey() + " has no body");
            assertFalse(answer.contains("Exception"), request.getKey());
        }
        assertEquals(200, health("/health/ready").statusCode(), "still serving");
    }

    /** The whole answer to a request written byte for byte, or empty if the server closed the connection first. */
    private String raw(String request) throws IOException {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            socket.shutdownOutput();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (SocketException closedEarly) {
            return "";
        }
    }

    private HttpResponse<String> health(String path) {
        return http.get(server.resolve(path));
    }

    /** Name to status of Rotor's own checks; Payara may add checks of its own. */
    private static Map<String, String> rotorChecks(HttpResponse<String> response) {
        return Http.json(response).getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getString("name").startsWith("rotor-"))
                .collect(Collectors.toMap(check -> check.getString("name"), check -> check.getString("status")));
    }
}
