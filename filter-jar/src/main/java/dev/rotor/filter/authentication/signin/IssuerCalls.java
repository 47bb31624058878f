package dev.rotor.filter.authentication.signin;

import dev.rotor.filter.protocol.UntrustedJson;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The back-channel calls of the relying party to the issuer: its discovery document, the token endpoint (code
 * exchange and refresh, with {@code client_secret_basic} or, for a public client, {@code client_id}) and token
 * revocation. Bodies are read up to {@value #MAX_BODY} bytes; the JSON is checked before any value is used.
 */
final class IssuerCalls {

    /** Token and metadata answers are flat; a few levels leave room for arrays of strings. */
    private static final int MAX_DEPTH = 4;

    static final int MAX_BODY = 64 * 1024;

    private final HttpClient http;
    private final Duration timeout;
    private final SignInConfig config;

    IssuerCalls(SignInConfig config, Duration timeout) {
        this.config = config;
        this.timeout = timeout;
        // HTTP/1.1, as JwksClient says why: no h2c upgrade for Grizzly to leave unanswered
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** @throws IssuerUnreachableException unless the document is there and names {@code issuer} exactly */
    ProviderMetadata discover(URI discovery, String issuer) {
        Answer answer = send(HttpRequest.newBuilder(discovery).timeout(timeout).GET());
        if (answer.status() != 200 || !issuer.equals(string(answer.json(), "issuer"))) {
            throw new IssuerUnreachableException("no discovery document for " + issuer, null);
        }
        JsonObject json = answer.json();
        return new ProviderMetadata(uri(json, "authorization_endpoint"), uri(json, "token_endpoint"),
                optionalUri(json, "end_session_endpoint"), optionalUri(json, "revocation_endpoint"),
                json.getBoolean("authorization_response_iss_parameter_supported", false));
    }

    /**
     * A token request; a 400 or 401 from the issuer is a refusal.
     *
     * @throws SignInFailedException         if the issuer refused
     * @throws IssuerUnreachableException    if it could not be asked
     */
    TokenAnswer token(URI endpoint, Map<String, String> grant) {
        Map<String, String> form = new java.util.LinkedHashMap<>(grant);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json");
        if (config.clientSecret() == null) {
            form.put("client_id", config.clientId());
        } else {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (encode(config.clientId()) + ":" + encode(config.clientSecret())).getBytes(StandardCharsets.UTF_8)));
        }
        Answer answer = send(request.POST(HttpRequest.BodyPublishers.ofString(formBody(form))));
        if (answer.status() == 400 || answer.status() == 401) {
            throw new SignInFailedException("the issuer refused the token request: " + string(answer.json(), "error"));
        }
        if (answer.status() != 200) {
            throw new IssuerUnreachableException("token endpoint answered " + answer.status(), null);
        }
        return TokenAnswer.of(answer.json());
    }

    /** RFC 7009: ends the session of {@code token} at the issuer. */
    void revoke(URI endpoint, String token) {
        Answer answer = send(HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(Map.of("token", token)))));
        if (answer.status() != 200) {
            throw new IssuerUnreachableException("revocation answered " + answer.status(), null);
        }
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                byte[] bytes = body.readNBytes(MAX_BODY + 1);
                if (bytes.length > MAX_BODY) {
                    throw new IssuerUnreachableException("the issuer's answer is too large", null);
                }
                return new Answer(response.statusCode(), parse(new String(bytes, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new IssuerUnreachableException("cannot reach the issuer: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IssuerUnreachableException("interrupted", e);
        }
    }

    /** The issuer's answer is input from outside too: one bounded object, read by the verifier's strict reader. */
    private static JsonObject parse(String text) {
        return UntrustedJson.readObject(text, MAX_DEPTH).orElse(JsonValue.EMPTY_JSON_OBJECT);
    }

    static String string(JsonObject json, String name) {
        JsonValue value = json.get(name);
        return value instanceof JsonString text ? text.getString() : null;
    }

    private static URI uri(JsonObject json, String name) {
        URI uri = optionalUri(json, name);
        if (uri == null) {
            throw new IssuerUnreachableException("the discovery document lacks " + name, null);
        }
        return uri;
    }

    private static URI optionalUri(JsonObject json, String name) {
        String text = string(json, name);
        if (text == null) {
            return null;
        }
        try {
            URI uri = new URI(text);
            return "https".equals(uri.getScheme()) || "http".equals(uri.getScheme()) ? uri : null;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    static String formBody(Map<String, String> form) {
        return form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private record Answer(int status, JsonObject json) {
    }
}
