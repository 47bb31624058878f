package dev.rotor.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Creates, through Keycloak's admin REST API, a realm with a public client allowed the password grant ("direct
 * access grants") and one user. The realm rotates refresh tokens as Rotor does: {@code revokeRefreshToken} with no
 * reuse, so a refresh token is good for one refresh.
 */
final class KeycloakRealm {

    static final String CLIENT = "bench";
    static final String USER = "bench";
    static final String PASSWORD = "bench-user-password-1";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final URI base;
    private final String adminToken;

    private KeycloakRealm(URI base, String adminToken) {
        this.base = base;
        this.adminToken = adminToken;
    }

    static KeycloakRealm admin(URI base) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=admin-cli&username=" + Keycloak.ADMIN + "&password="
                + URLEncoder.encode(Keycloak.ADMIN_PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(
                base.resolve("/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        expect(answer, 200, "admin token");
        try (JsonReader reader = Json.createReader(new StringReader(answer.body()))) {
            return new KeycloakRealm(base, reader.readObject().getString("access_token"));
        }
    }

    /**
     * Creates {@code realm} with the client and the user.
     *
     * @param passwordPolicy the realm's password policy, e.g. {@code hashAlgorithm(pbkdf2-sha256) and
     *                       hashIterations(600000)}, or {@code null} for Keycloak's default hashing
     */
    TokenEndpoint create(String realm, String passwordPolicy) throws IOException, InterruptedException {
        JsonObjectBuilder settings = Json.createObjectBuilder()
                .add("realm", realm)
                .add("enabled", true)
                .add("revokeRefreshToken", true)
                .add("refreshTokenMaxReuse", 0)
                .add("accessTokenLifespan", 900);
        if (passwordPolicy != null) {
            settings.add("passwordPolicy", passwordPolicy);
        }
        post("/admin/realms", settings.build(), "realm " + realm);
        post("/admin/realms/" + realm + "/clients", Json.createObjectBuilder()
                .add("clientId", CLIENT)
                .add("enabled", true)
                .add("publicClient", true)
                .add("directAccessGrantsEnabled", true)
                .add("standardFlowEnabled", false)
                .build(), "client");
        post("/admin/realms/" + realm + "/users", Json.createObjectBuilder()
                .add("username", USER)
                .add("enabled", true)
                .add("email", "bench@example.org")
                .add("emailVerified", true)
                .add("firstName", "Bench")
                .add("lastName", "User")
                .add("credentials", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("type", "password").add("value", PASSWORD).add("temporary", false)))
                .build(), "user");
        return new TokenEndpoint("Keycloak " + realm,
                base.resolve("/realms/" + realm + "/protocol/openid-connect/token"), Map.of("client_id", CLIENT),
                USER, PASSWORD);
    }

    /** How the user's password is stored in {@code realm}: the credential's {@code credentialData}. */
    String hashing(String realm) throws IOException, InterruptedException {
        String users = get("/admin/realms/" + realm + "/users?exact=true&username=" + USER);
        String id;
        try (JsonReader reader = Json.createReader(new StringReader(users))) {
            id = reader.readArray().getJsonObject(0).getString("id");
        }
        try (JsonReader reader = Json.createReader(new StringReader(
                get("/admin/realms/" + realm + "/users/" + id + "/credentials")))) {
            return reader.readArray().getJsonObject(0).getString("credentialData");
        }
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + adminToken).GET().build(), HttpResponse.BodyHandlers.ofString());
        expect(answer, 200, path);
        return answer.body();
    }

    private void post(String path, JsonObject body, String what) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        expect(answer, 201, what);
    }

    private static void expect(HttpResponse<String> answer, int status, String what) {
        if (answer.statusCode() != status) {
            throw new IllegalStateException("Keycloak " + what + ": " + answer.statusCode() + " " + answer.body());
        }
    }
}
