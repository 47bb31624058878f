package dev.rotor.it.support;

import dev.rotor.filter.authentication.Verifier;
import dev.rotor.filter.configuration.Settings;
import dev.rotor.filter.configuration.VerifierConfig;
import dev.rotor.testsupport.RedisFixture;
import jakarta.json.JsonObject;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * A deployed issuer with its own Redis, an admin, and the verifiers that check its tokens: one in the test JVM
 * (the filter-jar's own {@link Verifier}) and, on demand, a sample application in another Payara Micro. Register it
 * as a static extension; it stops everything after the test class.
 *
 * <pre>{@code @RegisterExtension static final IssuerScenario scenario = new IssuerScenario();}</pre>
 */
public final class IssuerScenario implements AfterAllCallback {

    public static final String ISSUER = "https://issuer.example";
    public static final String ADMIN_PASSWORD = "it-admin-password-0123";

    private final RedisFixture redis = RedisFixture.start();
    private IssuerClient client;
    private String adminToken;
    private Verifier verifier;
    private PayaraMicroProcess sampleApp;

    /** The scenario's own Redis, for fault tests. */
    public RedisFixture redis() {
        return redis;
    }

    /** The issuer's settings; login throttling is tightened so tests reach it quickly. */
    public WebArchive issuer() {
        return IssuerDeployment.issuer(Map.of(
                "rotor.issuer", ISSUER,
                "rotor.redis.url", redis.uri().toString(),
                "rotor.admin.password", ADMIN_PASSWORD,
                "rotor.login.max-failures-per-account", "3",
                "rotor.login.max-failures-per-client", "12"));
    }

    public IssuerClient client(URI base) {
        if (client == null) {
            client = new IssuerClient(base);
        }
        return client;
    }

    public String adminToken() {
        if (adminToken == null) {
            adminToken = client.login("admin", ADMIN_PASSWORD).getString("access_token");
        }
        return adminToken;
    }

    /** Creates a fresh user through the admin API and returns its name; its password is {@link #password}. */
    public String newUser(String... groups) {
        String username = "u" + UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"username\":\"" + username + "\",\"password\":\"" + password(username) + "\",\"groups\":["
                + List.of(groups).stream().map(g -> "\"" + g + "\"").collect(Collectors.joining(",")) + "]}";
        HttpResponse<String> created = client.send("POST", "/admin/users", adminToken(), body);
        if (created.statusCode() != 201) {
            throw new AssertionError("could not create user: " + created.statusCode() + " " + created.body());
        }
        return username;
    }

    public String password(String username) {
        return "pw-" + username + "-secret";
    }

    public JsonObject login(String username) {
        return client.login(username, password(username));
    }

    /** The filter-jar's verifier in the test JVM, reading this issuer's JWKS over HTTP and its Redis. */
    public Verifier verifier() {
        if (verifier == null) {
            verifier = Verifier.start(VerifierConfig.from(Settings.from(key -> Optional.ofNullable(
                            verifierSettings().get(key)))), Clock.systemUTC(), Executors.defaultThreadFactory());
        }
        return verifier;
    }

    /** A sample enterprise application protected by the mechanism, trusting this issuer. */
    public PayaraMicroProcess sampleApp() {
        if (sampleApp == null) {
            sampleApp = PayaraMicroProcess.start("issuer-sample-app", IssuerDeployment.export(
                    SampleApp.withMechanism(verifierSettings()), "issuer-sample-app"));
        }
        return sampleApp;
    }

    private Map<String, String> verifierSettings() {
        Map<String, String> settings = new HashMap<>();
        settings.put("rotor.issuer", ISSUER);
        settings.put("rotor.jwks-uri", client.uri("/.well-known/jwks.json").toString());
        settings.put("rotor.tokens.audience", "rotor");
        settings.put("rotor.redis.url", redis.uri().toString());
        settings.put("rotor.realm", "sample");
        return settings;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (verifier != null) {
            verifier.close();
        }
        if (sampleApp != null) {
            sampleApp.close();
        }
        redis.close();
    }
}
