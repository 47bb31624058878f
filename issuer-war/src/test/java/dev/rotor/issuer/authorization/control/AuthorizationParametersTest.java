package dev.rotor.issuer.authorization.control;

import dev.rotor.issuer.authorization.entity.Prompt;
import dev.rotor.issuer.authorization.entity.RequestCheck;
import dev.rotor.issuer.clients.entity.Client;
import dev.rotor.issuer.clients.entity.ClientType;
import dev.rotor.issuer.clients.entity.GrantTypes;
import dev.rotor.issuer.clients.entity.Scopes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

class AuthorizationParametersTest {

    static final String REDIRECT = "https://app.example:8443/callback?tenant=1";
    static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    private static final Client WEB = new Client("web", ClientType.PUBLIC, null, List.of(REDIRECT, "http://localhost:9090/cb"),
            List.of(), GrantTypes.DEFAULT, Scopes.DEFAULT, false);
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    private final AuthorizationParameters parameters = new AuthorizationParameters(
            id -> id.equals("web") ? Optional.of(WEB) : Optional.empty());

    static Map<String, List<String>> valid() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("response_type", List.of("code"));
        query.put("client_id", List.of("web"));
        query.put("redirect_uri", List.of(REDIRECT));
        query.put("scope", List.of("openid profile"));
        query.put("state", List.of("s-1"));
        query.put("nonce", List.of("n-1"));
        query.put("code_challenge", List.of(CHALLENGE));
        query.put("code_challenge_method", List.of("S256"));
        return query;
    }

    private RequestCheck check(String name, String value) {
        Map<String, List<String>> query = valid();
        if (value == null) {
            query.remove(name);
        } else {
            query.put(name, List.of(value));
        }
        return parameters.check(query, NOW);
    }

    private RequestCheck.Refused refused(String name, String value, String error) {
        RequestCheck.Refused refused = assertInstanceOf(RequestCheck.Refused.class, check(name, value));
        assertEquals(error, refused.error());
        assertEquals(REDIRECT, refused.redirectUri(), "errors after validation go to the validated redirect URI");
        return refused;
    }

    @Test
    void aValidRequestIsAcceptedWithEveryValue() {
        RequestCheck.Accepted accepted = assertInstanceOf(RequestCheck.Accepted.class, parameters.check(valid(), NOW));
        assertEquals(Set.of("openid", "profile"), accepted.request().scopes());
        assertEquals("s-1", accepted.request().state());
        assertEquals("n-1", accepted.request().nonce());
        assertEquals(CHALLENGE, accepted.request().codeChallenge());
        assertEquals(NOW, accepted.request().requestedAt());
        assertNull(accepted.request().maxAge());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://app.example:8443/callback",              // prefix of the registered one
            "https://app.example:8443/callback?tenant=1/x",   // extra path
            "https://app.example:8443/callback/x?tenant=1",   // extra path segment
            "https://app.example:8443/callback?tenant=1&x=2", // extra query
            "https://app.example:8444/callback?tenant=1",     // other port
            "https://app.example/callback?tenant=1",          // default port
            "https://APP.example:8443/callback?tenant=1",     // case
            "https://app.example:8443/Callback?tenant=1",     // case of the path
            "https://evil@app.example:8443/callback?tenant=1", // user info
            "https://app.example:8443@evil.example/callback?tenant=1",
            "https://app.example:8443/callback?tenant=1#frag", // fragment
            "https://app.example:8443/callback?tenant=%31",   // encoded
            "http://app.example:8443/callback?tenant=1",      // scheme
            "http://localhost:9090/cb/",                      // trailing slash
            ""})
    void aRedirectUriThatIsNotExactlyRegisteredIsShownOnAnIssuerPageAndNeverFollowed(String redirect) {
        assertInstanceOf(RequestCheck.Unverifiable.class, check("redirect_uri", redirect));
    }

    @Test
    void aMissingRedirectUriOrClientIsShownOnAnIssuerPage() {
        assertInstanceOf(RequestCheck.Unverifiable.class, check("redirect_uri", null));
        assertInstanceOf(RequestCheck.Unverifiable.class, check("client_id", null));
        assertInstanceOf(RequestCheck.Unverifiable.class, check("client_id", "other"));
        assertInstanceOf(RequestCheck.Unverifiable.class, check("client_id", "../web"));
        Map<String, List<String>> repeated = valid();
        repeated.put("redirect_uri", List.of(REDIRECT, REDIRECT));
        assertInstanceOf(RequestCheck.Unverifiable.class, parameters.check(repeated, NOW));
    }

    @Test
    void pkceS256IsRequiredForEveryClient() {
        refused("code_challenge", null, "invalid_request");
        refused("code_challenge_method", null, "invalid_request");
        refused("code_challenge_method", "plain", "invalid_request");
        refused("code_challenge_method", "s256", "invalid_request");
        refused("code_challenge", "too-short", "invalid_request");
        refused("code_challenge", CHALLENGE + "A", "invalid_request");
    }

    @Test
    void aConfidentialClientRegisteredWithoutPkceMayUseTheNonceInstead() {
        Client legacy = new Client("legacy", ClientType.CONFIDENTIAL, "0123456789012345678901234567890123456789abc",
                List.of(REDIRECT), List.of(), GrantTypes.DEFAULT, Scopes.DEFAULT, false, false);
        AuthorizationParameters withLegacy = new AuthorizationParameters(id -> Optional.of(legacy));
        Map<String, List<String>> query = valid();
        query.put("client_id", List.of("legacy"));
        query.remove("code_challenge");
        query.remove("code_challenge_method");
        assertNull(assertInstanceOf(RequestCheck.Accepted.class, withLegacy.check(query, NOW)).request()
                .codeChallenge());
        query.remove("nonce");
        assertEquals("invalid_request", assertInstanceOf(RequestCheck.Refused.class, withLegacy.check(query, NOW))
                .error(), "not without a nonce");
        query.put("nonce", List.of("n"));
        query.put("code_challenge_method", List.of("plain"));
        query.put("code_challenge", List.of(CHALLENGE));
        assertEquals("invalid_request", assertInstanceOf(RequestCheck.Refused.class, withLegacy.check(query, NOW))
                .error(), "plain stays refused");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new Client("p",
                ClientType.PUBLIC, null, List.of(REDIRECT), List.of(), GrantTypes.DEFAULT, Scopes.DEFAULT, false,
                false), "a public client always needs PKCE");
    }

    @Test
    void stateIsRequiredAndPassedBackWithEveryError() {
        RequestCheck.Refused missing = refused("state", null, "invalid_request");
        assertNull(missing.state());
        assertEquals("s-1", refused("response_type", "token", "unsupported_response_type").state());
        refused("state", "x".repeat(513), "invalid_request");
        refused("state", "line\nbreak", "invalid_request");
    }

    @Test
    void onlyTheCodeFlowAndRegisteredScopesAreOffered() {
        refused("response_type", "code id_token", "unsupported_response_type");
        refused("response_type", null, "unsupported_response_type");
        refused("scope", "openid admin", "invalid_scope");
        refused("scope", null, "invalid_scope");
        refused("scope", "openid  profile", "invalid_scope");
        refused("response_mode", "fragment", "invalid_request");
        refused("request", "eyJ", "request_not_supported");
        refused("request_uri", "https://x", "request_uri_not_supported");
    }

    @Test
    void promptAndMaxAgeAreStrict() {
        assertEquals(Set.of(Prompt.LOGIN, Prompt.CONSENT), assertInstanceOf(RequestCheck.Accepted.class,
                check("prompt", "login consent")).request().prompts());
        refused("prompt", "none login", "invalid_request");
        refused("prompt", "always", "invalid_request");
        assertEquals(Duration.ofSeconds(300), assertInstanceOf(RequestCheck.Accepted.class,
                check("max_age", "300")).request().maxAge());
        refused("max_age", "-1", "invalid_request");
        refused("max_age", "1e3", "invalid_request");
        refused("max_age", "9".repeat(20), "invalid_request");
    }

    @Test
    void repeatedOrOversizedParametersAreRefused() {
        Map<String, List<String>> repeated = valid();
        repeated.put("nonce", List.of("a", "b"));
        assertEquals("invalid_request", assertInstanceOf(RequestCheck.Refused.class,
                parameters.check(repeated, NOW)).error());
        Map<String, List<String>> huge = valid();
        huge.put("nonce", List.of("n".repeat(100_000)));
        assertInstanceOf(RequestCheck.Unverifiable.class, parameters.check(huge, NOW));
    }
}
