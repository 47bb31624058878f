package dev.rotor.filter.authentication;

import dev.rotor.testsupport.Await;
import dev.rotor.testsupport.JwksServer;
import dev.rotor.testsupport.RedisFixture;
import dev.rotor.testsupport.TestConfig;
import dev.rotor.testsupport.TestKeys;
import dev.rotor.testsupport.TokenFixture;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import dev.rotor.filter.configuration.InvalidSettingException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The filter's decisions per request, on a real Redis and an HTTP JWKS, without a container. */
class JwtFilterTest {

    @RegisterExtension
    static final RedisFixture redis = RedisFixture.start();

    private static final KeyPair KEY = TestKeys.rsa();
    private static JwksServer jwks;
    private static JwtFilter filter;

    @BeforeAll
    static void start() throws ServletException {
        jwks = JwksServer.start(TestKeys.jwks(TestKeys.jwk("k1", KEY)));
        filter = new JwtFilter();
        filter.init(ServletFakes.filterConfig(Map.of(
                "rotor.issuer", jwks.issuer().toString(),
                "rotor.tokens.audience", TestConfig.AUDIENCE,
                "rotor.redis.url", redis.uri().toString(),
                "rotor.redis.prefix", "f" + UUID.randomUUID() + ":",
                "rotor.protected-paths", "/api/*",
                "rotor.public-paths", "/api/public",
                "rotor.required-roles", "staff",
                "rotor.realm", "shop")));
        Await.that(() -> filter(request("/api/orders", token(List.of("staff")))).status == 200,
                Duration.ofSeconds(20), () -> "the filter's mirror to be trusted");
    }

    @AfterAll
    static void stop() {
        filter.destroy();
        jwks.close();
    }

    @Test
    void aCallerWithoutARequiredRoleGets403InsufficientScopeAndNeverReachesTheApplication() {
        Passed passed = filter(request("/api/orders", token(List.of("user"))));

        assertEquals(403, passed.status);
        assertEquals("Bearer realm=\"shop\", error=\"insufficient_scope\"",
                passed.answer.headers.get("WWW-Authenticate"));
        assertEquals("no-store", passed.answer.headers.get("Cache-Control"));
        assertNull(passed.request.get(), "the chain was not called");
    }

    @Test
    void aCallerWithTheRequiredRolesPassesAsTheTokensSubjectWithItsGroupsAsRoles() {
        Passed passed = filter(request("/api/orders", token(List.of("staff", "user"))));

        HttpServletRequest seen = (HttpServletRequest) passed.request.get();
        assertNotNull(seen, "the chain was called");
        assertEquals("alice", seen.getRemoteUser());
        assertEquals("alice", seen.getUserPrincipal().getName());
        assertTrue(seen.isUserInRole("user"));
        assertNotNull(seen.getAttribute(JwtFilter.TOKEN_ATTRIBUTE));
    }

    @Test
    void noTokenOnAProtectedPathGets401WithABareChallengeAndPublicPathsPass() {
        Passed anonymous = filter(request("/api/orders"));
        assertEquals(401, anonymous.status);
        assertEquals("Bearer realm=\"shop\"", anonymous.answer.headers.get("WWW-Authenticate"));
        assertEquals("application/problem+json", anonymous.answer.headers.get("Content-Type"));
        assertNull(anonymous.request.get());

        assertNotNull(filter(request("/api/public")).request.get(), "a public path inside the protected ones");
        assertNotNull(filter(request("/index.html")).request.get(), "a path outside the protected ones");
    }

    @Test
    void aBadTokenGets401InvalidTokenAndTwoHeadersGet400InvalidRequest() {
        Passed bad = filter(request("/api/orders", "Bearer " + "x".repeat(40)));
        assertEquals(401, bad.status);
        assertTrue(bad.answer.headers.get("WWW-Authenticate").contains("error=\"invalid_token\""));
        assertTrue(!bad.answer.body().contains("xxxx"), "no echo of the token");

        String good = token(List.of("staff")).substring("Bearer ".length());
        Passed twice = filter(request("/api/orders", "Bearer " + good, "Bearer " + good));
        assertEquals(400, twice.status);
        assertTrue(twice.answer.headers.get("WWW-Authenticate").contains("error=\"invalid_request\""));
        assertNull(twice.request.get());
    }

    @Test
    void byDefaultTheFilterLogsTheCallerInToTheContainerOncePerRequest() {
        AtomicInteger logins = new AtomicInteger();
        Passed passed = filter(counting(request("/api/orders", token(List.of("staff"))), logins));

        assertEquals(1, logins.get(), "request.authenticate, once");
        assertEquals("alice", ((HttpServletRequest) passed.request.get()).getRemoteUser());
    }

    @Test
    void withContainerLoginOffTheFilterNeverAsksTheContainerAndTheApplicationStillSeesTheCaller()
            throws ServletException {
        JwtFilter fast = new JwtFilter();
        fast.init(ServletFakes.filterConfig(Map.of(
                "rotor.issuer", jwks.issuer().toString(),
                "rotor.tokens.audience", TestConfig.AUDIENCE,
                "rotor.redis.url", redis.uri().toString(),
                "rotor.container-login", "off")));
        try {
            AtomicInteger logins = new AtomicInteger();
            Await.that(() -> filter(fast, counting(request("/api/orders", token(List.of("user"))), logins))
                    .status == 200, Duration.ofSeconds(20), () -> "the fast filter's mirror to be trusted");

            Passed passed = filter(fast, counting(request("/api/orders", token(List.of("user"))), logins));
            HttpServletRequest seen = (HttpServletRequest) passed.request.get();
            assertEquals(0, logins.get(), "no request.authenticate");
            assertEquals("alice", seen.getRemoteUser());
            assertTrue(seen.isUserInRole("user"));
            assertEquals("BEARER", seen.getAuthType());
            assertEquals(401, filter(fast, request("/api/orders", "Bearer " + "x".repeat(40))).status);
        } finally {
            fast.destroy();
        }
    }

    @Test
    void aContainerLoginThatIsNeitherOnNorOffStopsTheFilter() {
        JwtFilter wrong = new JwtFilter();
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () ->
                wrong.init(ServletFakes.filterConfig(Map.of(
                        "rotor.issuer", jwks.issuer().toString(),
                        "rotor.tokens.audience", TestConfig.AUDIENCE,
                        "rotor.redis.url", redis.uri().toString(),
                        "rotor.container-login", "sometimes"))));
        assertTrue(e.getMessage().contains("rotor.container-login"), e.getMessage());
    }

    /** {@code request}, counting its {@code authenticate} calls, which answer false as without a container. */
    private static HttpServletRequest counting(HttpServletRequest request, AtomicInteger logins) {
        return new HttpServletRequestWrapper(request) {
            @Override
            public boolean authenticate(HttpServletResponse response) {
                logins.incrementAndGet();
                return false;
            }
        };
    }

    private record Passed(int status, ServletFakes.Answer answer, AtomicReference<ServletRequest> request) {
    }

    private static Passed filter(HttpServletRequest request) {
        return filter(filter, request);
    }

    private static Passed filter(JwtFilter filter, HttpServletRequest request) {
        ServletFakes.Answer answer = new ServletFakes.Answer();
        AtomicReference<ServletRequest> passed = new AtomicReference<>();
        try {
            filter.doFilter(request, answer.response(), (req, res) -> passed.set(req));
        } catch (IOException | ServletException e) {
            throw new AssertionError(e);
        }
        return new Passed(answer.status, answer, passed);
    }

    private static HttpServletRequest request(String path, String... authorization) {
        return ServletFakes.request(path, authorization);
    }

    private static String token(List<String> groups) {
        return "Bearer " + TokenFixture.accessToken(jwks.issuer(), "k1", KEY.getPrivate(), groups);
    }
}
