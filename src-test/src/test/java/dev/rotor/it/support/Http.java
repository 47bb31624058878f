package dev.rotor.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

/** A small real-HTTP client for black-box tests. */
public final class Http {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();

    public HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GET with {@code token} as the bearer, as an API client calls a protected application. */
    public HttpResponse<String> get(URI uri, String token) {
        return send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Authorization", "Bearer " + token)
                .GET().build());
    }

    /** The status, or 0 when nothing answers yet. */
    public int statusOrZero(URI uri) {
        try {
            return get(uri).statusCode();
        } catch (UncheckedIOException e) {
            return 0;
        }
    }

    public static JsonObject json(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    /** The kids of the JWKS at {@code uri}. */
    public Set<String> kids(URI jwks) {
        return json(get(jwks)).getJsonArray("keys").getValuesAs(JsonObject.class).stream()
                .map(key -> key.getString("kid"))
                .collect(Collectors.toSet());
    }
}
