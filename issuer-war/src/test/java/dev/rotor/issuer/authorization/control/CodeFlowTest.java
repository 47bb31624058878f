package dev.rotor.issuer.authorization.control;

import com.auth0.jwt.JWT;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.rotor.issuer.authorization.entity.AuthorizationOutcome;
import dev.rotor.issuer.clients.control.ClientRegistry;
import dev.rotor.issuer.clients.entity.Client;
import dev.rotor.issuer.clients.entity.ClientType;
import dev.rotor.issuer.secrets.Digests;
import dev.rotor.issuer.sessions.entity.SessionInfo;
import dev.rotor.issuer.testbed.IssuerTestBed;
import dev.rotor.issuer.tokens.entity.GrantResult;
import dev.rotor.issuer.tokens.entity.GrantResult.Refusal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static dev.rotor.filter.protocol.RevocationEvent.Type.RID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The code flow through the real control layer on a real Redis: authorize, redeem, refresh, log out. */
class CodeFlowTest {

    @RegisterExtension
    static final IssuerTestBed bed = new IssuerTestBed();

    static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    static final String CALLBACK = "https://web.example/callback";

    private Client web;
    private Client other;

    @BeforeEach
    void register() {
        bed.user("alice", "user");
        web = bed.client("web", ClientType.PUBLIC, CALLBACK).client();
        other = bed.client("other", ClientType.PUBLIC, "https://other.example/callback").client();
    }

    static Map<String, List<String>> request(String clientId, String redirectUri, String... extra) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("response_type", List.of("code"));
        query.put("client_id", List.of(clientId));
        query.put("redirect_uri", List.of(redirectUri));
        query.put("scope", List.of("openid profile email"));
        query.put("state", List.of("state-1"));
        query.put("nonce", List.of("nonce-1"));
        query.put("code_challenge", List.of(Digests.sha256Base64url(VERIFIER)));
        query.put("code_challenge_method", List.of("S256"));
        for (int i = 0; i < extra.length; i += 2) {
            query.put(extra[i], List.of(extra[i + 1]));
        }
        return query;
    }

    static Map<String, String> answer(AuthorizationOutcome outcome) {
        URI location = assertInstanceOf(AuthorizationOutcome.BackToClient.class, outcome).location();
        return Arrays.stream(location.getRawQuery().split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    }

    private String code(SessionInfo browser, String... extra) {
        Map<String, String> answer = answer(bed.authorizations().authorize(request("web", CALLBACK, extra),
                Optional.of(browser)));
        assertEquals("state-1", answer.get("state"));
        assertEquals("https://issuer.example", answer.get("iss"), "RFC 9207");
        return answer.get("code");
    }

    private GrantResult.Granted redeem(String code) {
        return assertInstanceOf(GrantResult.Granted.class, bed.codes().redeem(web, code, CALLBACK, VERIFIER));
    }

    @Test
    void aBrowserWithoutASessionIsSentToTheLoginAndTheRequestWaitsServerSide() {
        AuthorizationOutcome.SignIn signIn = assertInstanceOf(AuthorizationOutcome.SignIn.class,
                bed.authorizations().authorize(request("web", CALLBACK), Optional.empty()));
        assertEquals(43, signIn.pendingId().length());

        SessionInfo browser = bed.signIn("alice");
        Map<String, String> answer = answer(bed.authorizations().resume(signIn.pendingId(), Optional.of(browser)));
        assertNotNull(answer.get("code"));
        assertEquals("state-1", answer.get("state"));
        assertInstanceOf(AuthorizationOutcome.ShowProblem.class,
                bed.authorizations().resume(signIn.pendingId(), Optional.of(browser)), "a pending id is used once");
    }

    @Test
    void promptNoneAnswersLoginRequiredInsteadOfAPage() {
        Map<String, String> answer = answer(bed.authorizations().authorize(request("web", CALLBACK, "prompt", "none"),
                Optional.empty()));
        assertEquals("login_required", answer.get("error"));
        assertEquals("state-1", answer.get("state"));
        assertNull(answer.get("code"));
    }

    @Test
    void promptLoginAndMaxAgeAskAgainThoughSignedIn() {
        SessionInfo browser = bed.signIn("alice");
        bed.clock().advance(Duration.ofSeconds(1));
        assertInstanceOf(AuthorizationOutcome.SignIn.class, bed.authorizations().authorize(
                request("web", CALLBACK, "prompt", "login"), Optional.of(browser)));
        bed.clock().advance(Duration.ofMinutes(10));
        assertInstanceOf(AuthorizationOutcome.SignIn.class, bed.authorizations().authorize(
                request("web", CALLBACK, "max_age", "60"), Optional.of(browser)));
        assertEquals("login_required", answer(bed.authorizations().authorize(
                request("web", CALLBACK, "max_age", "60", "prompt", "none"), Optional.of(browser))).get("error"));
        assertNotNull(answer(bed.authorizations().authorize(request("web", CALLBACK, "max_age", "3600"),
                Optional.of(browser))).get("code"));
    }

    @Test
    void aCodeGivesAnIdTokenWithNonceSidAndAuthTimeAndAClientBoundSession() {
        SessionInfo browser = bed.signIn("alice");
        bed.users().setProfile("alice", "Alice Example", "alice@example.com");
        GrantResult.Granted granted = redeem(code(browser));

        DecodedJWT id = JWT.decode(granted.tokens().idToken());
        assertEquals("https://issuer.example", id.getIssuer());
        assertEquals("alice", id.getSubject());
        assertEquals(List.of("web"), id.getAudience());
        assertEquals("nonce-1", id.getClaim("nonce").asString());
        assertEquals(browser.rid(), id.getClaim("sid").asString());
        assertEquals(browser.createdAt().getEpochSecond(), id.getClaim("auth_time").asLong());
        assertEquals("Alice Example", id.getClaim("name").asString());
        assertEquals("alice@example.com", id.getClaim("email").asString());
        assertEquals("JWT", id.getType());
        assertNotNull(id.getKeyId());

        DecodedJWT access = JWT.decode(granted.tokens().access().value());
        assertEquals("web", access.getClaim("client_id").asString());
        assertEquals("email openid profile", access.getClaim("scope").asString());

        String refresh = granted.tokens().refreshToken();
        assertEquals(new GrantResult.Refused(Refusal.INVALID_REFRESH_TOKEN), bed.refreshes().refresh(refresh, "other"),
                "another client cannot refresh it");
        assertEquals(new GrantResult.Refused(Refusal.INVALID_REFRESH_TOKEN), bed.refreshes().refresh(refresh, null),
                "nor a request that names no client");
        GrantResult.Granted refreshed = assertInstanceOf(GrantResult.Granted.class,
                bed.refreshes().refresh(refresh, "web"), "and refusing them changed nothing");
        assertEquals("email openid profile", JWT.decode(refreshed.tokens().access().value()).getClaim("scope")
                .asString(), "a refreshed access token keeps the granted scopes");
    }

    @Test
    void aCodeIsUsedOnceAndASecondRedemptionEndsTheSessionOfTheFirst() {
        String code = code(bed.signIn("alice"));
        GrantResult.Granted first = redeem(code);
        String rid = JWT.decode(first.tokens().access().value()).getClaim("rid").asString();

        assertEquals(new GrantResult.Refused(Refusal.CODE_REUSED), bed.codes().redeem(web, code, CALLBACK, VERIFIER));

        assertTrue(bed.blacklisted(RID, rid), "the first redemption's access tokens are rejected everywhere");
        assertTrue(bed.sessions().find(rid).isEmpty());
        assertFalse(bed.refreshes().refresh(first.tokens().refreshToken(), "web") instanceof GrantResult.Granted);
    }

    @Test
    void aCodeIsBoundToItsClientRedirectUriAndVerifier() {
        SessionInfo browser = bed.signIn("alice");
        assertEquals(new GrantResult.Refused(Refusal.INVALID_CODE),
                bed.codes().redeem(other, code(browser), CALLBACK, VERIFIER), "another client");
        assertEquals(new GrantResult.Refused(Refusal.INVALID_CODE),
                bed.codes().redeem(web, code(browser), CALLBACK + "/x", VERIFIER), "another redirect URI");
        assertEquals(new GrantResult.Refused(Refusal.INVALID_CODE),
                bed.codes().redeem(web, code(browser), CALLBACK, VERIFIER.replace('d', 'e')), "a wrong verifier");
        assertEquals(new GrantResult.Refused(Refusal.MALFORMED_VERIFIER),
                bed.codes().redeem(web, code(browser), CALLBACK, "short"), "a verifier under 43 characters");
        assertEquals(new GrantResult.Refused(Refusal.MALFORMED_VERIFIER),
                bed.codes().redeem(web, code(browser), CALLBACK, "a".repeat(129)), "over 128");
        assertEquals(new GrantResult.Refused(Refusal.INVALID_CODE),
                bed.codes().redeem(web, "not-a-code", CALLBACK, VERIFIER));
    }

    @Test
    void withoutAChallengeNoVerifierMayBeSentEither() {
        Client legacy = bed.clients().register(new Client("legacy", ClientType.CONFIDENTIAL,
                "0123456789012345678901234567890123456789abc", List.of(CALLBACK), List.of(),
                dev.rotor.issuer.clients.entity.GrantTypes.DEFAULT, dev.rotor.issuer.clients.entity.Scopes.DEFAULT,
                false, false)).orElseThrow().client();
        SessionInfo browser = bed.signIn("alice");
        Map<String, List<String>> query = request("legacy", CALLBACK);
        query.remove("code_challenge");
        query.remove("code_challenge_method");
        String code = answer(bed.authorizations().authorize(query, Optional.of(browser))).get("code");
        assertEquals(new GrantResult.Refused(Refusal.INVALID_CODE), bed.codes().redeem(legacy, code, CALLBACK, VERIFIER),
                "a verifier for a code issued without a challenge is a downgrade attempt");
        String second = answer(bed.authorizations().authorize(query, Optional.of(browser))).get("code");
        assertInstanceOf(GrantResult.Granted.class, bed.codes().redeem(legacy, second, CALLBACK, null));
    }

    @Test
    void aCodeExpiresWithinSixtySeconds() {
        String code = code(bed.signIn("alice"));
        assertTrue(bed.client().pttl(bed.names().prefix() + "{authz}:code:" + Digests.sha256Base64url(code)) <= 60_000);
        assertFalse(bed.client().keys("*").stream().anyMatch(key -> key.contains(code)), "only its hash is a key");
    }

    @Test
    void endingTheBrowserSessionEndsEveryAppSessionItCreated() {
        SessionInfo browser = bed.signIn("alice");
        String ridA = JWT.decode(redeem(code(browser)).tokens().access().value()).getClaim("rid").asString();
        String ridB = JWT.decode(redeem(code(browser)).tokens().access().value()).getClaim("rid").asString();

        bed.termination().end(browser.rid());

        assertTrue(bed.blacklisted(RID, ridA) && bed.blacklisted(RID, ridB) && bed.blacklisted(RID, browser.rid()));
        assertTrue(bed.sessions().find(ridA).isEmpty() && bed.sessions().find(ridB).isEmpty());
    }

    @Test
    void aCodeRedeemedAfterTheBrowserSignedOutOpensNothing() {
        SessionInfo browser = bed.signIn("alice");
        String code = code(browser);
        bed.termination().end(browser.rid());

        assertEquals(new GrantResult.Refused(Refusal.INVALID_CODE), bed.codes().redeem(web, code, CALLBACK, VERIFIER));
    }

    @Test
    void aConfidentialClientIsRegisteredWithASecretShownOnce() {
        ClientRegistry.Registered registered = bed.client("backend", ClientType.CONFIDENTIAL, CALLBACK);
        assertEquals(43, registered.secret().length());
        assertTrue(bed.client().keys("*").stream().map(key -> bed.client().type(key).equals("string")
                ? bed.client().get(key) : "").noneMatch(value -> value.contains(registered.secret())),
                "Redis never holds the secret");
    }
}
