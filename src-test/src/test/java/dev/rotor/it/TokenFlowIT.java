package dev.rotor.it;

import dev.rotor.filter.verification.TokenRejectedException;
import dev.rotor.filter.verification.VerifiedToken;
import dev.rotor.it.support.Http;
import dev.rotor.it.support.IssuerClient;
import dev.rotor.it.support.IssuerScenario;
import dev.rotor.it.support.PayaraMicroProcess;
import dev.rotor.it.support.Poll;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The token endpoint end to end: grants, rotation, theft detection, revocation seen by other applications. */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TokenFlowIT {

    @RegisterExtension
    static final IssuerScenario scenario = new IssuerScenario();

    @ArquillianResource
    URL base;

    private IssuerClient issuer;

    @Deployment(testable = false)
    static WebArchive issuer() {
        return scenario.issuer();
    }

    @BeforeEach
    void client() {
        issuer = scenario.client(URI.create(base.toString()));
    }


    @Test
    void passwordGrantIssuesAnAccessTokenThatTheFilterJarVerifies() {
        String user = scenario.newUser("user", "reports");
        HttpResponse<String> response = issuer.password(user, scenario.password(user));
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
        JsonObject tokens = Http.json(response);
        assertEquals("Bearer", tokens.getString("token_type"));
        assertTrue(tokens.getInt("expires_in") > 800 && tokens.getInt("expires_in") <= 900);
        assertTrue(tokens.getString("refresh_token").length() >= 43, "256-bit refresh token");

        VerifiedToken verified = scenario.verifier().verify(tokens.getString("access_token"));
        assertEquals(user, verified.subject());
        assertEquals(List.of("reports", "user"), verified.groups().stream().sorted().toList());
        assertFalse(verified.rid().isEmpty());
        assertEquals("it", verified.claims().getString("client_id"));
    }

    @Test
    void userinfoAnswersForTheBearer() {
        String user = scenario.newUser("user");
        String access = scenario.login(user).getString("access_token");
        HttpResponse<String> info = issuer.get("/userinfo", access);
        assertEquals(200, info.statusCode(), info.body());
        assertEquals(user, Http.json(info).getString("sub"));
        assertEquals(401, issuer.get("/userinfo", null).statusCode());
        assertEquals("Bearer realm=\"rotor\"",
                issuer.get("/userinfo", null).headers().firstValue("WWW-Authenticate").orElse(""));
    }

    @Test
    void refreshRotatesTheRefreshTokenAndKeepsTheSession() {
        String user = scenario.newUser("user");
        JsonObject first = scenario.login(user);
        HttpResponse<String> refreshed = issuer.refresh(first.getString("refresh_token"));
        assertEquals(200, refreshed.statusCode(), refreshed.body());
        JsonObject second = Http.json(refreshed);
        assertNotEquals(first.getString("refresh_token"), second.getString("refresh_token"));
        VerifiedToken before = scenario.verifier().verify(first.getString("access_token"));
        VerifiedToken after = scenario.verifier().verify(second.getString("access_token"));
        assertEquals(before.rid(), after.rid(), "same session");
        assertNotEquals(before.jti(), after.jti());
    }

    @Test
    void reusedRefreshTokenKillsTheWholeFamilyAndItsAccessTokens() {
        String user = scenario.newUser("user");
        JsonObject first = scenario.login(user);
        JsonObject second = Http.json(issuer.refresh(first.getString("refresh_token")));

        HttpResponse<String> replay = issuer.refresh(first.getString("refresh_token"));
        assertEquals(400, replay.statusCode());
        assertEquals("invalid_grant", Http.json(replay).getString("error"));

        assertEquals("invalid_grant", Http.json(issuer.refresh(second.getString("refresh_token"))).getString("error"),
                "the thief's and the owner's refresh tokens are both dead");
        String access = second.getString("access_token");
        assertTrue(Poll.until(Duration.ofSeconds(2), () -> rejected(access)), "AT2 rejected after the reuse");
    }

    @Test
    void twentyParallelRefreshesOfOneTokenGiveExactlyOneSuccess() throws Exception {
        String user = scenario.newUser("user");
        String refreshToken = scenario.login(user).getString("refresh_token");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return issuer.refresh(refreshToken).statusCode();
                }));
            }
            start.countDown();
            int successes = 0;
            for (Future<Integer> result : results) {
                int status = result.get();
                assertTrue(status == 200 || status == 400, "status " + status);
                successes += status == 200 ? 1 : 0;
            }
            assertEquals(1, successes);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void revokedAccessTokenIsRejectedByAProtectedAppWithinOneSecond() {
        PayaraMicroProcess app = scenario.sampleApp();
        String user = scenario.newUser("user");
        String access = scenario.login(user).getString("access_token");
        Http http = new Http();
        assertEquals(200, whoami(http, app, access).statusCode(), "the sample app accepts the token");

        HttpResponse<String> revoked = issuer.revoke(access);
        assertEquals(200, revoked.statusCode(), revoked.body());
        Instant revokedAt = Instant.now();
        assertTrue(Poll.until(Duration.ofSeconds(1), () -> whoami(http, app, access).statusCode() == 401),
                "rejected within 1 s");
        assertTrue(Duration.between(revokedAt, Instant.now()).toMillis() < 1200);
    }

    @Test
    void logoutWithTheRefreshTokenEndsTheSession() {
        String user = scenario.newUser("user");
        JsonObject tokens = scenario.login(user);
        assertEquals(200, issuer.revoke(tokens.getString("refresh_token")).statusCode());
        assertEquals("invalid_grant", Http.json(issuer.refresh(tokens.getString("refresh_token"))).getString("error"));
        assertTrue(Poll.until(Duration.ofSeconds(2), () -> rejected(tokens.getString("access_token"))));
        assertEquals(200, issuer.revoke("no-such-token").statusCode(), "unknown tokens: 200 (RFC 7009)");
    }

    @Test
    void introspectionNeedsARoleAndReflectsRevocation() {
        String user = scenario.newUser("user");
        String access = scenario.login(user).getString("access_token");
        Map<String, String> form = Map.of("token", access);
        assertEquals(401, issuer.form("/oauth2/introspect", form).statusCode(), "callers must authenticate");
        HttpResponse<String> asUser = new Http().send(HttpRequest.newBuilder(issuer.uri("/oauth2/introspect"))
                .header("Authorization", "Bearer " + access)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + access)).build());
        assertEquals(403, asUser.statusCode());

        JsonObject active = Http.json(introspect(access));
        assertTrue(active.getBoolean("active"));
        assertEquals(user, active.getString("sub"));
        issuer.revoke(access);
        assertTrue(Poll.until(Duration.ofSeconds(2), () -> !Http.json(introspect(access)).getBoolean("active")));
    }

    @Test
    void tokenEndpointErrorsFollowRfc6749() {
        assertOAuthError(issuer.form("/oauth2/token", Map.of("grant_type", "client_credentials")), 400,
                "unsupported_grant_type");
        assertOAuthError(issuer.form("/oauth2/token", Map.of("grant_type", "password", "username", "x")), 400,
                "invalid_request");
        assertOAuthError(issuer.form("/oauth2/token", Map.of()), 400, "invalid_request");
        assertOAuthError(issuer.password("admin", "p".repeat(1_000_000)), 400, "invalid_request");
        assertOAuthError(issuer.refresh("not-a-refresh-token"), 400, "invalid_grant");
        HttpResponse<String> json = new Http().send(HttpRequest.newBuilder(issuer.uri("/oauth2/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"grant_type\":\"password\"}")).build());
        assertOAuthError(json, 400, "invalid_request");
        HttpResponse<String> jsonRevoke = new Http().send(HttpRequest.newBuilder(issuer.uri("/oauth2/revoke"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"x\"}")).build());
        assertOAuthError(jsonRevoke, 400, "invalid_request");
        HttpResponse<String> repeated = new Http().send(HttpRequest.newBuilder(issuer.uri("/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&grant_type=refresh_token")).build());
        assertOAuthError(repeated, 400, "invalid_request");
    }

    @Test
    void anAccessTokenIsNotARefreshTokenAndARefreshTokenIsNotABearer() {
        String user = scenario.newUser("user");
        JsonObject tokens = scenario.login(user);
        assertOAuthError(issuer.refresh(tokens.getString("access_token")), 400, "invalid_grant");
        assertEquals(401, issuer.get("/userinfo", tokens.getString("refresh_token")).statusCode());
        assertThrows(TokenRejectedException.class, () -> scenario.verifier().verify(tokens.getString("refresh_token")));
    }

    /** Last: the restarted Redis is empty, so no user is left afterwards. */
    @Test
    @Order(Integer.MAX_VALUE)
    void refreshAndLogoutFailVisiblyWhileRedisIsDown() {
        String user = scenario.newUser("user");
        JsonObject tokens = scenario.login(user);
        scenario.redis().stop();
        try {
            assertOAuthError(issuer.refresh(tokens.getString("refresh_token")), 503, "temporarily_unavailable");
            assertOAuthError(issuer.revoke(tokens.getString("refresh_token")), 503, "temporarily_unavailable");
            assertOAuthError(issuer.revoke(tokens.getString("access_token")), 503, "temporarily_unavailable");
            assertOAuthError(issuer.password(user, scenario.password(user)), 503, "temporarily_unavailable");
        } finally {
            scenario.redis().restart();
        }
        assertTrue(Poll.until(Duration.ofSeconds(10), () -> issuer.refresh("A".repeat(43)).statusCode() == 400),
                "answers again once Redis is back");
    }

    private HttpResponse<String> introspect(String token) {
        return new Http().send(HttpRequest.newBuilder(issuer.uri("/oauth2/introspect"))
                .header("Authorization", "Bearer " + scenario.adminToken())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + token)).build());
    }

    private boolean rejected(String access) {
        try {
            scenario.verifier().verify(access);
            return false;
        } catch (TokenRejectedException e) {
            return true;
        }
    }

    private static HttpResponse<String> whoami(Http http, PayaraMicroProcess app, String access) {
        return http.send(HttpRequest.newBuilder(app.uri("/servlet/whoami"))
                .header("Authorization", "Bearer " + access).GET().build());
    }

    private static void assertOAuthError(HttpResponse<String> response, int status, String error) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(error, Http.json(response).getString("error"), response.body());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
        assertFalse(response.body().contains("Exception"), response.body());
    }
}
