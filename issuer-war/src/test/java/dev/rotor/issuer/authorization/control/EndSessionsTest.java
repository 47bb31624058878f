package dev.rotor.issuer.authorization.control;

import com.auth0.jwt.JWT;
import dev.rotor.issuer.authorization.entity.EndSessionOutcome;
import dev.rotor.issuer.clients.entity.Client;
import dev.rotor.issuer.clients.entity.ClientType;
import dev.rotor.issuer.sessions.entity.SessionInfo;
import dev.rotor.issuer.testbed.IssuerTestBed;
import dev.rotor.issuer.tokens.entity.GrantResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.rotor.filter.protocol.RevocationEvent.Type.RID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RP-Initiated Logout: single logout of the browser session and every app session linked to it. */
class EndSessionsTest {

    @RegisterExtension
    static final IssuerTestBed bed = new IssuerTestBed();

    private Client web;
    private SessionInfo browser;
    private GrantResult.Granted signedIn;

    @BeforeEach
    void signIn() {
        bed.user("alice", "user");
        web = bed.client("web", ClientType.PUBLIC, CodeFlowTest.CALLBACK).client();
        browser = bed.signIn("alice");
        String code = CodeFlowTest.answer(bed.authorizations().authorize(
                CodeFlowTest.request("web", CodeFlowTest.CALLBACK), Optional.of(browser))).get("code");
        signedIn = (GrantResult.Granted) bed.codes().redeem(web, code, CodeFlowTest.CALLBACK, CodeFlowTest.VERIFIER);
    }

    private static Map<String, List<String>> parameters(String... pairs) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            parameters.put(pairs[i], List.of(pairs[i + 1]));
        }
        return parameters;
    }

    private String rid() {
        return JWT.decode(signedIn.tokens().access().value()).getClaim("rid").asString();
    }

    @Test
    void aValidIdTokenHintEndsTheBrowserSessionAndEveryLinkedOneAndReturnsWithState() {
        EndSessionOutcome.SignedOut out = assertInstanceOf(EndSessionOutcome.SignedOut.class, bed.endSessions()
                .request(parameters("id_token_hint", signedIn.tokens().idToken(),
                        "post_logout_redirect_uri", "https://web.example/bye", "state", "st 1"), Optional.of(browser)));

        assertEquals(URI.create("https://web.example/bye?state=st+1"), out.location());
        assertTrue(out.clearCookie());
        assertTrue(bed.blacklisted(RID, rid()) && bed.blacklisted(RID, browser.rid()));
        assertTrue(bed.sessions().find(rid()).isEmpty() && bed.sessions().find(browser.rid()).isEmpty());
    }

    @Test
    void anUnregisteredPostLogoutRedirectUriIsRefusedAndNothingEnds() {
        for (String uri : List.of("https://web.example/bye/", "https://web.example/bye?x=1", "https://evil.example/bye",
                "https://web.example/BYE")) {
            assertInstanceOf(EndSessionOutcome.Problem.class, bed.endSessions().request(parameters(
                    "id_token_hint", signedIn.tokens().idToken(), "post_logout_redirect_uri", uri),
                    Optional.of(browser)));
        }
        assertFalse(bed.blacklisted(RID, rid()));
        assertTrue(bed.sessions().find(rid()).isPresent());
    }

    @Test
    void withoutAValidHintTheUserIsAskedFirst() {
        assertInstanceOf(EndSessionOutcome.Confirm.class, bed.endSessions().request(
                parameters("client_id", "web", "post_logout_redirect_uri", "https://web.example/bye"),
                Optional.of(browser)));
        assertInstanceOf(EndSessionOutcome.Confirm.class, bed.endSessions().request(
                parameters("id_token_hint", signedIn.tokens().access().value()), Optional.of(browser)),
                "an access token is no ID token hint");
        assertTrue(bed.sessions().find(rid()).isPresent());

        bed.endSessions().confirmed(parameters("client_id", "web"), Optional.of(browser));
        assertTrue(bed.blacklisted(RID, rid()));
    }
}
