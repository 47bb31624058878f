package dev.rotor.issuer.cookies.control;

import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CsrfCheckTest {

    private static final String OWN = "http://localhost:41234";
    private static final String TOKEN = new CsrfTokens().mint();

    private final CsrfCheck check = new CsrfCheck("https://rotor.example");

    @Test
    void sameOriginFormWithMatchingTokenPasses() {
        assertDoesNotThrow(() -> check.verify(new CsrfEvidence(TOKEN, TOKEN, "same-origin", OWN, OWN)));
    }

    @Test
    void requestWithoutFetchMetadataOrOriginPassesOnTheTokenAlone() {
        assertDoesNotThrow(() -> check.verify(new CsrfEvidence(TOKEN, TOKEN, null, null, OWN)));
    }

    @Test
    void userTypedNavigationPasses() {
        assertDoesNotThrow(() -> check.verify(new CsrfEvidence(TOKEN, TOKEN, "none", null, OWN)));
    }

    @Test
    void configuredIssuerOriginIsOwnBehindAProxy() {
        assertDoesNotThrow(() -> check.verify(
                new CsrfEvidence(TOKEN, TOKEN, "same-origin", "https://rotor.example", "http://10.0.0.5:8080")));
    }

    @Test
    void originComparisonIgnoresCaseAndDefaultPort() {
        assertDoesNotThrow(() -> check.verify(
                new CsrfEvidence(TOKEN, TOKEN, null, "HTTP://LocalHost:80", "http://localhost")));
    }

    @Test
    void missingCookieIsRefused() {
        assertRefused(CsrfRejectedException.Reason.MISSING_COOKIE, new CsrfEvidence(null, TOKEN, null, OWN, OWN));
        assertRefused(CsrfRejectedException.Reason.MISSING_COOKIE, new CsrfEvidence(" ", TOKEN, null, OWN, OWN));
    }

    @Test
    void missingFieldIsRefused() {
        assertRefused(CsrfRejectedException.Reason.MISSING_TOKEN, new CsrfEvidence(TOKEN, null, null, OWN, OWN));
        assertRefused(CsrfRejectedException.Reason.MISSING_TOKEN, new CsrfEvidence(TOKEN, "", null, OWN, OWN));
    }

    @Test
    void mismatchIsRefused() {
        String other = new CsrfTokens().mint();
        assertRefused(CsrfRejectedException.Reason.MISMATCH, new CsrfEvidence(TOKEN, other, null, OWN, OWN));
        assertRefused(CsrfRejectedException.Reason.MISMATCH,
                new CsrfEvidence(TOKEN, TOKEN.substring(1), null, OWN, OWN));
    }

    @Test
    void crossSiteFetchIsRefusedEvenWithMatchingTokens() {
        assertRefused(CsrfRejectedException.Reason.CROSS_SITE, new CsrfEvidence(TOKEN, TOKEN, "cross-site", OWN, OWN));
    }

    @Test
    void foreignOriginIsRefusedEvenWithMatchingTokens() {
        for (String origin : List.of("https://evil.example", "http://localhost:41235", "https://localhost:41234",
                "http://localhost.evil.example:41234", "null", "", "http://localhost:41234/path",
                "http://user@localhost:41234", "not an origin")) {
            assertRefused(CsrfRejectedException.Reason.FOREIGN_ORIGIN,
                    new CsrfEvidence(TOKEN, TOKEN, "same-origin", origin, OWN));
        }
    }

    @Test
    void foreignOriginIsRefusedWhenTheRequestOriginIsUnknown() {
        assertRefused(CsrfRejectedException.Reason.FOREIGN_ORIGIN, new CsrfEvidence(TOKEN, TOKEN, null, OWN, null));
    }

    @Test
    void tokensAreComparedInConstantTime() {
        List<byte[][]> compared = new ArrayList<>();
        CsrfCheck recording = new CsrfCheck(null, (a, b) -> {
            compared.add(new byte[][]{a, b});
            return MessageDigest.isEqual(a, b);
        });
        recording.verify(new CsrfEvidence(TOKEN, TOKEN, null, null, OWN));
        assertThrows(CsrfRejectedException.class,
                () -> recording.verify(new CsrfEvidence(TOKEN, "x" + TOKEN, null, null, OWN)));
        assertEquals(2, compared.size());
        assertArrayEquals(TOKEN.getBytes(), compared.get(0)[0]);
        assertArrayEquals(("x" + TOKEN).getBytes(), compared.get(1)[1]);
    }

    @Test
    void evidenceNeverPrintsTokens() {
        String printed = new CsrfEvidence(TOKEN, TOKEN, "same-origin", OWN, OWN).toString();
        assertEquals(-1, printed.indexOf(TOKEN));
    }

    private void assertRefused(CsrfRejectedException.Reason reason, CsrfEvidence evidence) {
        CsrfRejectedException refused = assertThrows(CsrfRejectedException.class, () -> check.verify(evidence),
                evidence::origin);
        assertEquals(reason, refused.reason(), evidence::origin);
    }
}
