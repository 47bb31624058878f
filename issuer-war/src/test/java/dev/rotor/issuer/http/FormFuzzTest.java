package dev.rotor.issuer.http;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.rotor.issuer.authorization.control.AuthorizationParameters;
import dev.rotor.issuer.authorization.entity.RequestCheck;
import dev.rotor.issuer.clients.boundary.ClientCredentialsReader;
import dev.rotor.issuer.clients.entity.Client;
import dev.rotor.issuer.clients.entity.ClientCredentials;
import dev.rotor.issuer.clients.entity.ClientType;
import dev.rotor.issuer.clients.entity.GrantTypes;
import dev.rotor.issuer.clients.entity.Scopes;
import dev.rotor.issuer.tokens.boundary.TokenResource;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import java.lang.reflect.Proxy;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage-guided fuzzing of how the issuer reads a form POST (issue 11): the body's declared {@code charset}
 * ({@link FormCharsets}), the repeated-parameter rule ({@link FormParameters}), client authentication
 * ({@link ClientCredentialsReader}, Basic header or body) and the same parameters as an authorization request
 * ({@link AuthorizationParameters}). An input is three lines, charset, {@code Authorization} header and a
 * form-encoded body; an empty line means the part is absent. Any input gives a typed rejection
 * ({@link OAuthErrorException}, {@link ProblemException}) or a valid result; anything else is a finding.
 */
class FormFuzzTest {

    private static final String REDIRECT = "https://app.example/cb";
    private static final Client APP = new Client("app", ClientType.PUBLIC, null, List.of(REDIRECT), List.of(),
            GrantTypes.DEFAULT, Scopes.DEFAULT, false);
    private static final AuthorizationParameters AUTHORIZE = new AuthorizationParameters(
            id -> id.equals("app") ? Optional.of(APP) : Optional.empty());
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static final List<String> NAMES = List.of("grant_type", "code", "redirect_uri", "code_verifier",
            "refresh_token", "username", "password", "token", "token_type_hint", "client_id", "client_secret");

    @FuzzTest(maxDuration = "10m")
    void readForm(byte[] input) {
        String[] parts = new String(input, StandardCharsets.UTF_8).split("\n", 3);
        String charset = parts[0].isEmpty() ? null : parts[0];
        String authorization = parts.length < 2 || parts[1].isEmpty() ? null : parts[1];
        MultivaluedMap<String, String> form = decode(parts.length < 3 ? "" : parts[2]);
        if (form == null || !charsetAccepted(charset)) {
            return;
        }
        FormParameters parameters = new FormParameters(form);
        for (String name : NAMES) {
            readParameter(parameters, form, name);
        }
        readClient(authorization, parameters);
        RequestCheck check = AUTHORIZE.check(form, NOW);
        assertNotNull(check);
        if (check instanceof RequestCheck.Accepted) {
            assertEquals(List.of(REDIRECT), form.get("redirect_uri"), "only the registered redirect_uri");
        }
    }

    /** As an OAuth endpoint and an admin resource see it: refused with their own exception, or accepted. */
    private static boolean charsetAccepted(String charset) {
        boolean accepted = true;
        for (Class<?> endpoint : List.of(TokenResource.class, Object.class)) {
            FormCharsets filter = new FormCharsets();
            filter.resource = resource(endpoint);
            try {
                filter.filter(request(charset));
            } catch (OAuthErrorException e) {
                assertEquals(TokenResource.class, endpoint);
                assertEquals("invalid_request", e.error());
                accepted = false;
            } catch (ProblemException e) {
                assertEquals(Object.class, endpoint);
                assertEquals(400, e.problem().status());
                accepted = false;
            }
        }
        boolean utf8 = charset == null || List.of("UTF-8", "utf8", "US-ASCII").stream()
                .anyMatch(name -> name.equalsIgnoreCase(charset.strip()));
        assertEquals(utf8, accepted, "only UTF-8 (or ASCII) bodies are read");
        return accepted;
    }

    private static void readParameter(FormParameters parameters, MultivaluedMap<String, String> form, String name) {
        Optional<String> value;
        try {
            value = parameters.optional(name);
        } catch (OAuthErrorException e) {
            assertTrue(form.get(name).size() > 1, "only a repeated parameter is refused");
            return;
        }
        value.ifPresent(v -> assertEquals(List.of(v), form.get(name)));
    }

    private static void readClient(String authorization, FormParameters parameters) {
        ClientCredentials credentials;
        try {
            credentials = ClientCredentialsReader.read(authorization, parameters);
        } catch (OAuthErrorException e) {
            assertTrue(e.error().equals("invalid_request") || e.error().equals("invalid_client"), e.error());
            return;
        }
        boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
        assertEquals(basic, credentials.method() == ClientCredentials.Method.BASIC);
        if (credentials.namesClient()) {
            assertFalse(credentials.clientId().isEmpty());
        }
    }

    /** The container's form decoding; what it refuses never reaches the issuer. */
    private static MultivaluedMap<String, String> decode(String body) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        if (body.isEmpty()) {
            return form;
        }
        try {
            for (String pair : body.split("&")) {
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                form.add(name, equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return form;
    }

    private static ResourceInfo resource(Class<?> endpoint) {
        return (ResourceInfo) Proxy.newProxyInstance(FormFuzzTest.class.getClassLoader(),
                new Class<?>[] {ResourceInfo.class}, (proxy, method, args) ->
                        method.getName().equals("getResourceClass") ? endpoint : null);
    }

    private static ContainerRequestContext request(String charset) {
        MediaType type = new MediaType("application", "x-www-form-urlencoded",
                charset == null ? Map.of() : Map.of(MediaType.CHARSET_PARAMETER, charset));
        return (ContainerRequestContext) Proxy.newProxyInstance(FormFuzzTest.class.getClassLoader(),
                new Class<?>[] {ContainerRequestContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getMediaType")) {
                        return type;
                    }
                    throw new AssertionError("FormCharsets only reads the media type, not " + method.getName());
                });
    }
}
