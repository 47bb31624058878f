package dev.rotor.it.support;

import jakarta.json.JsonObject;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Talks to a deployed issuer over real HTTP, the way an API client or an admin script would. */
public final class IssuerClient {

    private final URI base;
    private final Http http = new Http();

    public IssuerClient(URI base) {
        this.base = base;
    }

    public URI uri(String path) {
        return base.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    public HttpResponse<String> password(String username, String password) {
        return form("/oauth2/token", Map.of("grant_type", "password", "username", username, "password", password,
                "client_id", "it"));
    }

    /** Logs in and returns the token response; fails the test if the login fails. */
    public JsonObject login(String username, String password) {
        HttpResponse<String> response = password(username, password);
        if (response.statusCode() != 200) {
            throw new AssertionError("login of " + username + " failed: " + response.statusCode() + " " + response.body());
        }
        return Http.json(response);
    }

    public HttpResponse<String> refresh(String refreshToken) {
        return form("/oauth2/token", Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    public HttpResponse<String> revoke(String token) {
        return form("/oauth2/revoke", Map.of("token", token));
    }

    public HttpResponse<String> form(String path, Map<String, String> fields) {
        String body = new LinkedHashMap<>(fields).entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public HttpResponse<String> get(String path, String bearer) {
        return http.send(authorized(path, bearer).GET().build());
    }

    public HttpResponse<String> send(String method, String path, String bearer, String json) {
        HttpRequest.Builder request = authorized(path, bearer).header("Content-Type", "application/json");
        return http.send(request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private HttpRequest.Builder authorized(String path, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
        return bearer == null ? request : request.header("Authorization", "Bearer " + bearer);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
