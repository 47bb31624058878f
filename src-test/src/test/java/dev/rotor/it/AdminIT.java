package dev.rotor.it;

import dev.rotor.filter.verification.TokenRejectedException;
import dev.rotor.it.support.Http;
import dev.rotor.it.support.IssuerClient;
import dev.rotor.it.support.IssuerScenario;
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

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The admin API, user lifecycle and login hardening, over real HTTP. */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminIT {

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
    void adminApiNeedsAnAdminToken() {
        HttpResponse<String> anonymous = issuer.get("/admin/keys", null);
        assertEquals(401, anonymous.statusCode());
        assertEquals("Bearer realm=\"rotor\"", anonymous.headers().firstValue("WWW-Authenticate").orElse(""));
        assertEquals("application/problem+json", anonymous.headers().firstValue("Content-Type").orElse(""));
        assertEquals(401, Http.json(anonymous).getInt("status"));

        String user = scenario.newUser("user");
        HttpResponse<String> asUser = issuer.get("/admin/keys", scenario.login(user).getString("access_token"));
        assertEquals(403, asUser.statusCode());
        assertTrue(asUser.headers().firstValue("WWW-Authenticate").orElse("").contains("insufficient_scope"));

        assertEquals(200, issuer.get("/admin/keys", scenario.adminToken()).statusCode());
        assertEquals(401, issuer.get("/admin/keys", "not.a.token").statusCode());
    }

    @Test
    void usersAreReadWithoutTheirPasswordHash() {
        String user = scenario.newUser("user", "finance");
        HttpResponse<String> read = issuer.get("/admin/users/" + user, scenario.adminToken());
        assertEquals(200, read.statusCode(), read.body());
        JsonObject json = Http.json(read);
        assertEquals(user, json.getString("username"));
        assertEquals(Set.of("user", "finance"), Set.copyOf(json.getJsonArray("groups").getValuesAs(
                jakarta.json.JsonString::getString)));
        assertFalse(json.getBoolean("disabled"));
        assertFalse(read.body().toLowerCase().contains("pbkdf2") || read.body().contains("hash"), read.body());
        assertEquals(409, issuer.send("POST", "/admin/users", scenario.adminToken(),
                "{\"username\":\"" + user + "\",\"password\":\"x-long-enough\",\"groups\":[]}").statusCode());
        assertEquals(404, issuer.get("/admin/users/nobody-here", scenario.adminToken()).statusCode());
    }

    @Test
    void passwordChangeRevokesEverySessionAndToken() {
        String user = scenario.newUser("user");
        JsonObject tokens = scenario.login(user);
        HttpResponse<String> changed = issuer.send("PUT", "/admin/users/" + user + "/password", scenario.adminToken(),
                "{\"password\":\"a-new-password-42\"}");
        assertEquals(204, changed.statusCode(), changed.body());

        assertTrue(Poll.until(Duration.ofSeconds(2), () -> rejected(tokens.getString("access_token"))));
        assertEquals("invalid_grant", Http.json(issuer.refresh(tokens.getString("refresh_token"))).getString("error"));
        assertEquals(400, issuer.password(user, scenario.password(user)).statusCode(), "the old password is gone");
        JsonObject fresh = issuer.login(user, "a-new-password-42");
        assertTrue(Poll.until(Duration.ofSeconds(2), () -> !rejected(fresh.getString("access_token"))),
                "a login after the change is valid (tokens issued in the revocation's second wait for the next)");
    }

    @Test
    void disabledUserIsRevokedAndRefusedLikeAWrongPassword() {
        String user = scenario.newUser("user");
        JsonObject tokens = scenario.login(user);
        assertEquals(204, issuer.send("PUT", "/admin/users/" + user + "/disabled", scenario.adminToken(),
                "{\"disabled\":true}").statusCode());
        assertTrue(Poll.until(Duration.ofSeconds(2), () -> rejected(tokens.getString("access_token"))));
        HttpResponse<String> login = issuer.password(user, scenario.password(user));
        assertEquals(400, login.statusCode());
        assertEquals("invalid_grant", Http.json(login).getString("error"));
    }

    @Test
    void loginDoesNotRevealWhetherAnAccountExists() {
        String disabled = scenario.newUser("user");
        issuer.send("PUT", "/admin/users/" + disabled + "/disabled", scenario.adminToken(), "{\"disabled\":true}");
        String existing = scenario.newUser("user");

        HttpResponse<String> unknown = issuer.password("no-such-user-" + existing, "whatever-password");
        HttpResponse<String> wrong = issuer.password(existing, "wrong-password");
        HttpResponse<String> off = issuer.password(disabled, scenario.password(disabled));
        for (HttpResponse<String> response : List.of(wrong, off)) {
            assertEquals(unknown.statusCode(), response.statusCode());
            assertEquals(unknown.body(), response.body());
            assertEquals(headerNames(unknown), headerNames(response));
        }
    }

    @Test
    void sessionsAreListedPagedAndRevokedOneOrAll() {
        String user = scenario.newUser("user");
        JsonObject first = scenario.login(user);
        JsonObject second = scenario.login(user);
        HttpResponse<String> page = issuer.get("/admin/sessions?user=" + user + "&limit=1", scenario.adminToken());
        assertEquals(200, page.statusCode(), page.body());
        JsonObject json = Http.json(page);
        assertEquals(2, json.getInt("total"));
        assertEquals(1, json.getJsonArray("sessions").size());
        assertFalse(page.body().contains(first.getString("refresh_token")), "no refresh token in listings");

        String rid = scenario.verifier().verify(first.getString("access_token")).rid();
        assertEquals(204, issuer.send("DELETE", "/admin/sessions/" + rid, scenario.adminToken(), null).statusCode());
        assertTrue(Poll.until(Duration.ofSeconds(2), () -> rejected(first.getString("access_token"))));
        assertFalse(rejected(second.getString("access_token")), "the other session lives");
        assertEquals(404, issuer.send("DELETE", "/admin/sessions/" + rid, scenario.adminToken(), null).statusCode());

        HttpResponse<String> all = issuer.send("DELETE", "/admin/users/" + user + "/sessions", scenario.adminToken(), null);
        assertEquals(1, Http.json(all).getInt("revoked"));
        assertTrue(Poll.until(Duration.ofSeconds(2), () -> rejected(second.getString("access_token"))));
    }

    @Test
    void hostileIdsAreRefusedAndNeverRevokeOthers() {
        String bystander = scenario.newUser("user");
        String access = scenario.login(bystander).getString("access_token");
        for (String id : List.of("*", "%2A", "..%2F..%2Fx", "a%0D%0Ab", "u%3F", "%00", "x".repeat(10_000))) {
            // a fresh connection each time: the server closes one after refusing an oversized request line
            int sessions = new IssuerClient(issuer.uri("/")).send("DELETE", "/admin/sessions/" + id,
                    scenario.adminToken(), null).statusCode();
            int users = new IssuerClient(issuer.uri("/")).send("DELETE", "/admin/users/" + id + "/sessions",
                    scenario.adminToken(), null).statusCode();
            assertTrue(refused(sessions), id.substring(0, Math.min(id.length(), 20)) + " → " + sessions);
            assertTrue(refused(users), id.substring(0, Math.min(id.length(), 20)) + " → " + users);
        }
        assertEquals(400, issuer.send("POST", "/admin/users", scenario.adminToken(), "{not json").statusCode());
        assertEquals(400, issuer.get("/admin/sessions?user=*", scenario.adminToken()).statusCode());
        assertFalse(rejected(access), "nobody else's session was touched");
    }

    @Test
    void keysAreListedAndThisInstanceRotatesOnRequest() {
        JsonObject before = Http.json(issuer.get("/admin/keys", scenario.adminToken()));
        Set<String> statesBefore = new TreeSet<>();
        before.getJsonArray("keys").getValuesAs(JsonObject.class).forEach(key -> {
            statesBefore.add(key.getString("state"));
            assertFalse(key.getString("instance").isEmpty(), "each key names the instance that holds it");
        });
        assertEquals(Set.of("ACTIVE", "NEXT"), statesBefore);
        String next = before.getJsonArray("keys").getValuesAs(JsonObject.class).stream()
                .filter(key -> key.getString("state").equals("NEXT")).findFirst().orElseThrow().getString("kid");
        HttpResponse<String> rotated = issuer.send("POST", "/admin/keys/rotate", scenario.adminToken(), null);
        assertEquals(200, rotated.statusCode(), rotated.body());
        String newKid = Http.json(rotated).getString("kid");
        assertEquals(next, newKid, "the key that was published to sign next signs now");
        JsonObject after = Http.json(issuer.get("/admin/keys", scenario.adminToken()));
        Set<String> states = new TreeSet<>();
        after.getJsonArray("keys").getValuesAs(JsonObject.class).forEach(key -> states.add(key.getString("state")));
        assertEquals(Set.of("ACTIVE", "NEXT", "RETIRED"), states);
        assertTrue(new Http().kids(issuer.uri("/.well-known/jwks.json")).contains(newKid));
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void repeatedFailuresAreThrottledPerAccountAndPerClient() {
        String user = scenario.newUser("user");
        for (int i = 0; i < 3; i++) {
            assertEquals(400, issuer.password(user, "wrong-" + i).statusCode());
        }
        HttpResponse<String> throttled = issuer.password(user, scenario.password(user));
        assertEquals(429, throttled.statusCode(), "even the right password waits");
        assertTrue(throttled.headers().firstValue("Retry-After").isPresent());

        boolean sprayStopped = false;
        for (int i = 0; i < 12 && !sprayStopped; i++) {
            sprayStopped = issuer.password("spray-target-" + i, "Summer2026!").statusCode() == 429;
        }
        assertTrue(sprayStopped, "one password sprayed over many accounts is throttled per client");
    }

    /** 400 or 404 from us, or 414/431 from the server for a 10 KB URL: a clean refusal, never a 5xx. */
    private static boolean refused(int status) {
        return status == 400 || status == 404 || status == 414 || status == 431;
    }

    private boolean rejected(String access) {
        try {
            scenario.verifier().verify(access);
            return false;
        } catch (TokenRejectedException e) {
            return true;
        }
    }

    private static Set<String> headerNames(HttpResponse<String> response) {
        Set<String> names = new TreeSet<>(response.headers().map().keySet());
        names.remove("date");
        return names;
    }
}
