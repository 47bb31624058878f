package dev.rotor.it.support;

import dev.rotor.testsupport.RedisFixture;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * An issuer on a port chosen beforehand, in its own Payara Micro process with its own Redis, so that
 * {@code rotor.issuer} is exactly the URL that browsers and OpenID Connect clients use
 * ({@code http://localhost:PORT}). Started once per test class; register it as a static extension.
 */
public final class OidcScenario implements AfterAllCallback {

    public static final String ADMIN_PASSWORD = "oidc-admin-password-0123";

    private final RedisFixture redis = RedisFixture.start();
    private final int port = RedisFixture.freePort();
    private final PayaraMicroProcess issuer;
    private final IssuerClient client;
    private String adminToken;

    public OidcScenario(String name) {
        issuer = PayaraMicroProcess.start(name + "-issuer", IssuerDeployment.export(IssuerDeployment.issuer(Map.of(
                "rotor.issuer", issuerUrl(),
                "rotor.redis.url", redis.uri().toString(),
                "rotor.admin.password", ADMIN_PASSWORD)), name + "-issuer"), port);
        client = new IssuerClient(URI.create(issuerUrl() + "/"));
        if (!Poll.until(java.time.Duration.ofSeconds(60),
                () -> new Http().statusOrZero(client.uri("/.well-known/openid-configuration")) == 200)) {
            throw new IllegalStateException("the issuer did not answer; see " + name + "-issuer.log");
        }
    }

    public String issuerUrl() {
        return "http://localhost:" + port;
    }

    public RedisFixture redis() {
        return redis;
    }

    public IssuerClient client() {
        return client;
    }

    public PayaraMicroProcess issuer() {
        return issuer;
    }

    public String adminToken() {
        if (adminToken == null) {
            adminToken = client.login("admin", ADMIN_PASSWORD).getString("access_token");
        }
        return adminToken;
    }

    /** Registers a client through the admin API and returns its answer (with {@code client_secret} if any). */
    public JsonObject registerClient(String clientId, String type, List<String> redirectUris,
                                     List<String> postLogoutRedirectUris) {
        return registerClient(clientId, type, redirectUris, postLogoutRedirectUris, "");
    }

    /** @param extraFields more JSON members, e.g. {@code ,"pkce_required":false} */
    public JsonObject registerClient(String clientId, String type, List<String> redirectUris,
                                     List<String> postLogoutRedirectUris, String extraFields) {
        String body = "{\"client_id\":\"" + clientId + "\",\"type\":\"" + type + "\",\"redirect_uris\":"
                + array(redirectUris) + ",\"post_logout_redirect_uris\":" + array(postLogoutRedirectUris)
                + extraFields + "}";
        HttpResponse<String> created = client.send("POST", "/admin/clients", adminToken(), body);
        if (created.statusCode() != 201) {
            throw new AssertionError("could not register " + clientId + ": " + created.statusCode() + " "
                    + created.body());
        }
        return Http.json(created);
    }

    /** A fresh user with a name and an email; its password is {@link #password}. */
    public String newUser(String... groups) {
        String username = "u" + UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"username\":\"" + username + "\",\"password\":\"" + password(username) + "\",\"groups\":"
                + array(List.of(groups)) + ",\"name\":\"User " + username + "\",\"email\":\"" + username
                + "@example.com\"}";
        HttpResponse<String> created = client.send("POST", "/admin/users", adminToken(), body);
        if (created.statusCode() != 201) {
            throw new AssertionError("could not create user: " + created.statusCode() + " " + created.body());
        }
        return username;
    }

    public String password(String username) {
        return "pw-" + username + "-secret";
    }

    /** How many live sessions the user has. */
    public int sessionsOf(String username) {
        return Http.json(client.get("/admin/sessions?user=" + username, adminToken())).getInt("total");
    }

    private static String array(List<String> values) {
        return values.stream().map(value -> "\"" + value + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        issuer.close();
        redis.close();
    }
}
