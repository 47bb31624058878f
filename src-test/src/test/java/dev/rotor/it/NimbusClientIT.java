package dev.rotor.it;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import dev.rotor.it.support.FormLogin;
import dev.rotor.it.support.OidcScenario;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nimbus {@code oauth2-oidc-sdk}, an OpenID Connect client library that knows nothing of Rotor, runs the
 * authorization code flow with PKCE against the issuer and validates the ID token with its own
 * {@link IDTokenValidator}, configured from the discovery document alone.
 */
class NimbusClientIT {

    @RegisterExtension
    static final OidcScenario scenario = new OidcScenario("nimbus");
    private static final URI CALLBACK = URI.create("http://localhost:1/nimbus/callback");

    private static OIDCProviderMetadata metadata;
    private static ClientID clientId;
    private static Secret secret;

    @BeforeAll
    static void discoverAndRegister() throws Exception {
        metadata = OIDCProviderMetadata.resolve(new Issuer(scenario.issuerUrl()));
        JsonObject registered = scenario.registerClient("nimbus", "confidential", List.of(CALLBACK.toString()),
                List.of("http://localhost:1/nimbus/bye"));
        clientId = new ClientID("nimbus");
        secret = new Secret(registered.getString("client_secret"));
        scenario.registerClient("nimbus-other", "public", List.of("http://localhost:1/other/callback"), List.of());
    }

    private record Flow(CodeVerifier verifier, Nonce nonce, AuthorizationCode code) {
    }

    private static Flow authorize(FormLogin browser, String user) throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        State state = new State();
        Nonce nonce = new Nonce();
        AuthenticationRequest request = new AuthenticationRequest.Builder(ResponseType.CODE,
                new Scope("openid", "profile", "email"), clientId, CALLBACK)
                .endpointURI(metadata.getAuthorizationEndpointURI())
                .state(state).nonce(nonce).codeChallenge(verifier, CodeChallengeMethod.S256).build();
        AuthorizationResponse response = AuthorizationResponse.parse(
                browser.signIn(request.toURI(), user, scenario.password(user)));
        assertTrue(response.indicatesSuccess(), () -> response.toErrorResponse().getErrorObject().toString());
        AuthorizationSuccessResponse success = response.toSuccessResponse();
        assertEquals(state, success.getState());
        assertEquals(metadata.getIssuer(), success.getIssuer(), "RFC 9207 iss");
        return new Flow(verifier, nonce, success.getAuthorizationCode());
    }

    private static TokenResponse redeem(ClientAuthentication client, Flow flow) throws Exception {
        return OIDCTokenResponseParser.parse(new TokenRequest(metadata.getTokenEndpointURI(), client,
                new AuthorizationCodeGrant(flow.code(), CALLBACK, flow.verifier())).toHTTPRequest().send());
    }

    private static ClientAuthentication basic() {
        return new ClientSecretBasic(clientId, secret);
    }

    @Test
    void codeWithPkceGivesAnIdTokenThatNimbusValidatesFromDiscoveryAlone() throws Exception {
        assertEquals(List.of(ResponseType.CODE), metadata.getResponseTypes());
        assertEquals(List.of(CodeChallengeMethod.S256), metadata.getCodeChallengeMethods());
        assertTrue(metadata.supportsAuthorizationResponseIssuerParam());
        assertNotNull(metadata.getEndSessionEndpointURI());

        String user = scenario.newUser("user");
        Flow flow = authorize(new FormLogin(), user);
        TokenResponse response = redeem(basic(), flow);
        assertTrue(response.indicatesSuccess(), () -> response.toErrorResponse().getErrorObject().toString());
        OIDCTokens tokens = ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens();

        IDTokenValidator validator = new IDTokenValidator(metadata.getIssuer(), clientId, JWSAlgorithm.RS256,
                metadata.getJWKSetURI().toURL());
        IDTokenClaimsSet claims = validator.validate(tokens.getIDToken(), flow.nonce());
        assertEquals(user, claims.getSubject().getValue());
        assertNotNull(claims.getAuthenticationTime());
        assertNotNull(claims.getStringClaim("sid"));
        assertEquals(user + "@example.com", claims.getStringClaim("email"));

        UserInfoResponse userInfo = UserInfoResponse.parse(new UserInfoRequest(metadata.getUserInfoEndpointURI(),
                tokens.getBearerAccessToken()).toHTTPRequest().send());
        assertTrue(userInfo.indicatesSuccess());
        UserInfo info = userInfo.toSuccessResponse().getUserInfo();
        assertEquals(user, info.getSubject().getValue());
        assertEquals("User " + user, info.getName());
        assertEquals(user + "@example.com", info.getEmailAddress());

        TokenResponse refreshed = OIDCTokenResponseParser.parse(new TokenRequest(metadata.getTokenEndpointURI(),
                new ClientSecretPost(clientId, secret), new RefreshTokenGrant(tokens.getRefreshToken()))
                .toHTTPRequest().send());
        assertTrue(refreshed.indicatesSuccess(), "its own client refreshes, here with client_secret_post");
    }

    @Test
    void aCodeRedeemedTwiceEndsTheSessionOfTheFirstRedemption() throws Exception {
        String user = scenario.newUser("user");
        Flow flow = authorize(new FormLogin(), user);
        OIDCTokens first = ((OIDCTokenResponse) redeem(basic(), flow).toSuccessResponse()).getOIDCTokens();
        assertEquals(200, scenario.client().get("/userinfo", first.getAccessToken().getValue()).statusCode());

        TokenResponse second = redeem(basic(), flow);
        assertFalse(second.indicatesSuccess());
        assertEquals("invalid_grant", second.toErrorResponse().getErrorObject().getCode());
        assertEquals(401, scenario.client().get("/userinfo", first.getAccessToken().getValue()).statusCode(),
                "the first redemption's access token is revoked");
    }

    @Test
    void aCodeOrARefreshTokenOfAnotherClientIsRefused() throws Exception {
        String user = scenario.newUser("user");
        FormLogin browser = new FormLogin();
        Flow flow = authorize(browser, user);
        TokenResponse byOther = redeem(new ClientSecretPost(new ClientID("nimbus-other"), new Secret("x".repeat(43))),
                flow);
        assertEquals("invalid_client", ((TokenErrorResponse) byOther).getErrorObject().getCode());
        HttpResponse<String> publicOther = scenario.client().form("/oauth2/token", java.util.Map.of(
                "grant_type", "authorization_code", "code", flow.code().getValue(), "redirect_uri", CALLBACK.toString(),
                "code_verifier", flow.verifier().getValue(), "client_id", "nimbus-other"));
        assertEquals(400, publicOther.statusCode());
        assertTrue(publicOther.body().contains("invalid_grant"), publicOther.body());

        Flow fresh = authorize(browser, user);
        OIDCTokens tokens = ((OIDCTokenResponse) redeem(basic(), fresh).toSuccessResponse()).getOIDCTokens();
        HttpResponse<String> refreshByOther = scenario.client().form("/oauth2/token", java.util.Map.of(
                "grant_type", "refresh_token", "refresh_token", tokens.getRefreshToken().getValue(),
                "client_id", "nimbus-other"));
        assertTrue(refreshByOther.body().contains("invalid_grant"), refreshByOther.body());
        HttpResponse<String> refreshWithoutClient = scenario.client().refresh(tokens.getRefreshToken().getValue());
        assertTrue(refreshWithoutClient.body().contains("invalid_grant"), refreshWithoutClient.body());
    }

    private static String authorizeUri(String redirect, String... without) {
        java.util.Map<String, String> query = new java.util.LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", "nimbus");
        query.put("redirect_uri", redirect);
        query.put("scope", "openid");
        query.put("state", "st");
        query.put("nonce", "nn");
        query.put("code_challenge", new CodeVerifier().getValue().substring(0, 43));
        query.put("code_challenge_method", "S256");
        for (String name : without) {
            query.remove(name);
        }
        return metadata.getAuthorizationEndpointURI() + "?" + query.entrySet().stream()
                .map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining("&"));
    }

    @Test
    void aRedirectUriThatIsNotExactlyRegisteredIsShownOnAnIssuerPageAndNeverFollowed() {
        dev.rotor.it.support.Http http = new dev.rotor.it.support.Http();
        String registered = CALLBACK.toString();
        for (String variant : List.of(registered.substring(0, registered.length() - 1), registered + "/x",
                registered + "?x=1", registered.replace(":1/", ":2/"), registered.replace("callback", "Callback"),
                registered.replace("localhost", "evil@localhost"), registered + "#x",
                "http://localhost:1@evil.example/nimbus/callback")) {
            HttpResponse<String> answer = http.get(URI.create(authorizeUri(variant)));
            assertEquals(400, answer.statusCode(), variant);
            assertTrue(answer.headers().firstValue("Location").isEmpty(), variant);
            assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), variant);
            assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElse(""));
            assertFalse(answer.body().contains("Exception"), variant);
        }
        HttpResponse<String> missingState = http.get(URI.create(authorizeUri(registered, "state")));
        assertEquals(302, missingState.statusCode());
        String location = missingState.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(registered + "?error=invalid_request") && location.contains("&iss=")
                && !location.contains("state="), location);
        HttpResponse<String> noPkce = http.get(URI.create(authorizeUri(registered, "code_challenge")));
        assertTrue(noPkce.headers().firstValue("Location").orElseThrow().contains("error=invalid_request"));
        HttpResponse<String> huge = http.get(URI.create(authorizeUri(registered) + "&login_hint=" + "x".repeat(6000)));
        assertTrue(huge.statusCode() < 500, "a huge request: " + huge.statusCode());
    }

    @Test
    void anUnregisteredPostLogoutRedirectUriIsRefusedAndTheLoginFormOfAPendingRequestNeedsItsCsrfToken() {
        dev.rotor.it.support.Http http = new dev.rotor.it.support.Http();
        HttpResponse<String> logout = http.get(URI.create(metadata.getEndSessionEndpointURI()
                + "?client_id=nimbus&post_logout_redirect_uri=" + java.net.URLEncoder.encode("https://evil.example/",
                java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(400, logout.statusCode());
        assertTrue(logout.headers().firstValue("Location").isEmpty());

        HttpResponse<String> toLogin = http.get(URI.create(authorizeUri(CALLBACK.toString())));
        assertEquals(303, toLogin.statusCode());
        String next = java.net.URLDecoder.decode(toLogin.headers().firstValue("Location").orElseThrow()
                .replaceFirst(".*next=", ""), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(next.startsWith("/oauth2/authorize?authz="), next);
        String user = scenario.newUser("user");
        String form = "username=" + user + "&password=" + scenario.password(user) + "&next="
                + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> forged = http.send(java.net.http.HttpRequest.newBuilder(scenario.client().uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "https://evil.example")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form + "&csrf=x")).build());
        assertEquals(403, forged.statusCode(), "login CSRF into a pending authorization is refused");
        assertEquals(0, scenario.sessionsOf(user));
    }

    @Test
    void clientsAreManagedThroughTheAdminApiWithTheSecretShownOnce() {
        String admin = scenario.adminToken();
        var api = scenario.client();
        JsonObject created = scenario.registerClient("managed", "confidential", List.of("https://managed.example/cb"),
                List.of());
        String first = created.getString("client_secret");
        assertEquals(43, first.length());
        String read = api.get("/admin/clients/managed", admin).body();
        assertFalse(read.contains("client_secret"), read);
        assertTrue(api.get("/admin/clients", admin).body().contains("\"managed\""));
        HttpResponse<String> oldSecret = passwordGrant("managed", first);
        assertEquals(400, oldSecret.statusCode(), "authenticated, but the password grant is not its grant type");
        assertTrue(oldSecret.body().contains("unauthorized_client"), oldSecret.body());

        String second = dev.rotor.it.support.Http.json(api.send("POST", "/admin/clients/managed/secret", admin, null))
                .getString("client_secret");
        assertNotNull(second);
        assertEquals(401, passwordGrant("managed", first).statusCode(), "the old secret is dead at once");
        assertTrue(passwordGrant("managed", second).body().contains("unauthorized_client"));

        HttpResponse<String> http = api.send("POST", "/admin/clients", admin,
                "{\"client_id\":\"bad\",\"redirect_uris\":[\"http://bad.example/cb\"]}");
        assertEquals(400, http.statusCode());
        assertTrue(http.body().contains("redirect_uris"), http.body());
        assertEquals(400, api.get("/admin/clients/%2A", admin).statusCode());
        assertEquals(409, api.send("POST", "/admin/clients", admin,
                "{\"client_id\":\"managed\",\"redirect_uris\":[\"https://x.example/cb\"]}").statusCode());
        assertEquals(204, api.send("DELETE", "/admin/clients/managed", admin, null).statusCode());
        assertEquals(404, api.get("/admin/clients/managed", admin).statusCode());
        assertEquals(401, api.get("/admin/clients", null).statusCode());
    }

    private static HttpResponse<String> passwordGrant(String client, String clientSecret) {
        return scenario.client().form("/oauth2/token", java.util.Map.of("grant_type", "password", "username", "admin",
                "password", OidcScenario.ADMIN_PASSWORD, "client_id", client, "client_secret", clientSecret));
    }

    @Test
    void aWrongVerifierOrMissingPkceIsRefused() throws Exception {
        String user = scenario.newUser("user");
        FormLogin browser = new FormLogin();
        Flow flow = authorize(browser, user);
        TokenResponse wrong = redeem(basic(), new Flow(new CodeVerifier(), flow.nonce(), flow.code()));
        assertEquals("invalid_grant", wrong.toErrorResponse().getErrorObject().getCode());

        URI withoutPkce = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid"), clientId, CALLBACK)
                .endpointURI(metadata.getAuthorizationEndpointURI()).state(new State()).nonce(new Nonce()).build()
                .toURI();
        AuthorizationErrorResponse error = AuthorizationResponse.parse(browser.signIn(withoutPkce, user,
                scenario.password(user))).toErrorResponse();
        assertEquals("invalid_request", error.getErrorObject().getCode());
        assertEquals(metadata.getIssuer(), error.getIssuer());
    }
}
