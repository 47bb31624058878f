package dev.rotor.filter.authentication;

import dev.rotor.filter.verification.BackendUnavailableException;
import dev.rotor.filter.verification.TokenRejectedException;
import dev.rotor.testsupport.Await;
import dev.rotor.testsupport.JwksServer;
import dev.rotor.testsupport.RedisFixture;
import dev.rotor.testsupport.TestConfig;
import dev.rotor.testsupport.TestKeys;
import dev.rotor.testsupport.TokenFixture;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.lang.reflect.Proxy;
import java.security.KeyPair;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The mechanism's decision per request, with a real verifier (Redis, HTTP JWKS) and no container. */
class JwtAuthenticationMechanismTest {

    @RegisterExtension
    static final RedisFixture redis = RedisFixture.start();

    private static final KeyPair KEY = TestKeys.rsa();
    private static JwksServer jwks;
    private static Verifier verifier;

    private final AtomicReference<Principal> loggedIn = new AtomicReference<>();
    private final AtomicReference<Set<?>> roles = new AtomicReference<>();

    @BeforeAll
    static void start() {
        jwks = JwksServer.start(TestKeys.jwks(TestKeys.jwk("k1", KEY)));
        verifier = Verifier.start(TestConfig.forIssuer(jwks.issuer(), "redis.url", redis.uri().toString(),
                "redis.prefix", "m" + UUID.randomUUID() + ":", "realm", "shop"), Clock.systemUTC(), runnable -> {
                    Thread thread = new Thread(runnable, "mechanism-test");
                    thread.setDaemon(true);
                    return thread;
                });
        Await.that(() -> {
            try {
                return verifier.verify(token()) != null;
            } catch (TokenRejectedException | BackendUnavailableException notYet) {
                return false;
            }
        }, Duration.ofSeconds(20), () -> "the verifier to be trusted");
    }

    @AfterAll
    static void stop() {
        verifier.close();
        jwks.close();
    }

    @Test
    void aValidTokenLogsTheCallerInWithItsGroupsAsRoles() throws AuthenticationException {
        ServletFakes.Answer answer = new ServletFakes.Answer();
        AuthenticationStatus status = active().validateRequest(ServletFakes.request("/api", "Bearer " + token()),
                answer.response(), context(false, false));

        assertEquals(AuthenticationStatus.SUCCESS, status);
        assertEquals("alice", loggedIn.get().getName());
        assertEquals(Set.of("staff"), roles.get());
    }

    @Test
    void withoutATokenAPublicResourcePassesAnonymouslyAndAProtectedOneGetsABareChallenge()
            throws AuthenticationException {
        ServletFakes.Answer open = new ServletFakes.Answer();
        assertEquals(AuthenticationStatus.NOT_DONE,
                active().validateRequest(ServletFakes.request("/public"), open.response(), context(false, false)));
        assertNull(open.headers.get("WWW-Authenticate"), "no challenge on a public answer");

        ServletFakes.Answer guarded = new ServletFakes.Answer();
        assertEquals(AuthenticationStatus.SEND_FAILURE,
                active().validateRequest(ServletFakes.request("/servlet"), guarded.response(), context(true, false)));
        assertEquals(401, guarded.status);
        assertEquals("Bearer realm=\"shop\"", guarded.headers.get("WWW-Authenticate"));
        assertEquals("application/problem+json", guarded.headers.get("Content-Type"));
        assertNull(loggedIn.get());
    }

    @Test
    void aProgrammaticAuthenticationWithoutATokenSetsOnlyTheHeadersForTheApplicationToAnswer()
            throws AuthenticationException {
        ServletFakes.Answer answer = new ServletFakes.Answer();
        assertEquals(AuthenticationStatus.SEND_FAILURE,
                active().validateRequest(ServletFakes.request("/api"), answer.response(), context(false, true)));
        assertEquals(401, answer.status);
        assertEquals("Bearer realm=\"shop\"", answer.headers.get("WWW-Authenticate"));
        assertEquals("", answer.body(), "the application writes the body");
    }

    @Test
    void aBadTokenIsAlwaysRefusedEvenOnAPublicResource() throws AuthenticationException {
        ServletFakes.Answer answer = new ServletFakes.Answer();
        assertEquals(AuthenticationStatus.SEND_FAILURE, active().validateRequest(
                ServletFakes.request("/public", "Bearer x.y.z"), answer.response(), context(false, false)));
        assertEquals(401, answer.status);
        assertEquals("Bearer realm=\"shop\", error=\"invalid_token\", error_description=\"The access token is "
                + "invalid, expired or revoked\"", answer.headers.get("WWW-Authenticate"));
    }

    @Test
    void inactiveItDoesNothingButStillCarriesTheFiltersVerifiedCaller() throws AuthenticationException {
        JwtAuthenticationMechanism inactive = new JwtAuthenticationMechanism();
        inactive.mechanism = MechanismVerifier.inactive();
        ServletFakes.Answer answer = new ServletFakes.Answer();
        assertEquals(AuthenticationStatus.NOT_DONE, inactive.validateRequest(
                ServletFakes.request("/api", "Bearer " + token()), answer.response(), context(true, false)));
        assertNull(answer.headers.get("WWW-Authenticate"));

        HttpServletRequest fromFilter = ServletFakes.request("/api");
        fromFilter.setAttribute(JwtFilter.FILTER_VERIFIED_ATTRIBUTE, verifier.verify(token()));
        assertEquals(AuthenticationStatus.SUCCESS,
                inactive.validateRequest(fromFilter, answer.response(), context(true, false)));
        assertEquals("alice", loggedIn.get().getName());
    }

    private static JwtAuthenticationMechanism active() {
        JwtAuthenticationMechanism mechanism = new JwtAuthenticationMechanism();
        mechanism.mechanism = MechanismVerifier.of(verifier);
        return mechanism;
    }

    private HttpMessageContext context(boolean protectedResource, boolean authenticationRequest) {
        return (HttpMessageContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{HttpMessageContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "isProtected" -> protectedResource;
                    case "isAuthenticationRequest" -> authenticationRequest;
                    case "doNothing" -> AuthenticationStatus.NOT_DONE;
                    case "notifyContainerAboutLogin" -> {
                        loggedIn.set((Principal) args[0]);
                        roles.set((Set<?>) args[1]);
                        yield AuthenticationStatus.SUCCESS;
                    }
                    default -> throw new UnsupportedOperationException("context." + method.getName());
                });
    }

    private static String token() {
        return TokenFixture.accessToken(verifier.config().issuer(), "k1", KEY.getPrivate(), List.of("staff"));
    }
}
