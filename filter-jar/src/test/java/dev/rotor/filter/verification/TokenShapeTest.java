package dev.rotor.filter.verification;

import dev.rotor.filter.verification.TokenRejectedException.Reason;
import dev.rotor.testsupport.TokenFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;

import static dev.rotor.filter.verification.Rejections.rejectedAs;
import static dev.rotor.testsupport.TokenFixture.b64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Token shape, header parsing and kid abuse: all rejected quickly, without a fetch storm or a stack overflow. */
class TokenShapeTest {

    private final TokenFixture fixture = new TokenFixture("max-token-size", "65536");

    @AfterEach
    void close() {
        fixture.close();
    }

    private String withHeader(String headerJson) {
        return TokenFixture.signedWithRsa(headerJson, fixture.claims().build().toString());
    }

    @Test
    void wrongNumberOfSegmentsIsMalformed() {
        String[] good = fixture.rs256().split("\\.");
        List<String> tokens = List.of("", ".", "..", "...", good[0], good[0] + "." + good[1],
                good[0] + "." + good[1] + ".", "." + good[1] + "." + good[2], good[0] + ".." + good[2],
                good[0] + "." + good[1] + "." + good[2] + "." + good[2],
                good[0] + "." + good[1] + "." + good[2] + ".." + good[2]);
        for (String token : tokens) {
            rejectedAs(fixture, token, Reason.MALFORMED);
        }
        rejectedAs(fixture, null, Reason.MALFORMED);
    }

    @Test
    void fiveSegmentJweIsRejected() {
        String header = b64("{\"alg\":\"RSA-OAEP\",\"enc\":\"A256GCM\",\"typ\":\"at+jwt\",\"kid\":\"rsa-1\"}");
        rejectedAs(fixture, header + "." + b64("key") + "." + b64("iv") + "." + b64("ct") + "." + b64("tag"),
                Reason.MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+", "/", "=", " ", "\n", "\r\n", "\t", "*", "%", "\u00e9", "\u0000"})
    void charactersOutsideBase64UrlAreRejected(String bad) {
        String token = fixture.rs256();
        int middle = token.indexOf('.') + 5;

        rejectedAs(fixture, token.substring(0, middle) + bad + token.substring(middle), Reason.MALFORMED);
        rejectedAs(fixture, token + bad, Reason.MALFORMED);
        rejectedAs(fixture, bad + token, Reason.MALFORMED);
    }

    @Test
    void paddedSegmentsAreRejected() {
        String[] parts = fixture.rs256().split("\\.");

        rejectedAs(fixture, parts[0] + "==." + parts[1] + "." + parts[2], Reason.MALFORMED);
        rejectedAs(fixture, parts[0] + "." + parts[1] + "." + parts[2] + "=", Reason.MALFORMED);
    }

    @Test
    void headersThatAreNotJsonObjectsAreMalformed() {
        List<String> headers = List.of("[]", "\"x\"", "null", "42", "", "{", "{\"alg\":\"RS256\"}{}", "not json",
                "{\"alg\":\"RS256\",\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"kid\":\"rsa-1\"}");
        for (String header : headers) {
            rejectedAs(fixture, withHeader(header), Reason.MALFORMED);
        }
        rejectedAs(fixture, "A." + b64("{}") + "." + b64("s"), Reason.MALFORMED);
    }

    @Test
    void invalidUtf8IsMalformed() {
        byte[] header = {'{', '"', 'a', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'};
        rejectedAs(fixture, b64(header) + "." + b64("{}") + "." + b64("s"), Reason.MALFORMED);
        String good = fixture.rs256();
        rejectedAs(fixture, good.substring(0, good.indexOf('.') + 1) + b64(new byte[]{(byte) 0xFF, (byte) 0xFE})
                + good.substring(good.lastIndexOf('.')), Reason.MALFORMED);
    }

    @Test
    void deeplyNestedJsonIsRejectedWithoutStackOverflow() {
        String deep = "[".repeat(15_000) + "]".repeat(15_000);
        String header = "{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"rsa-1\",\"x\":" + deep + "}";

        rejectedAs(fixture, withHeader(header), Reason.MALFORMED);
        rejectedAs(fixture, fixture.rs256("{\"sub\":" + deep + "}"), Reason.MALFORMED);
        rejectedAs(fixture, fixture.rs256("{\"sub\":" + "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_001)),
                Reason.MALFORMED);
    }

    @Test
    void hugeTokensAreRejectedQuickly() {
        String megabyte = "a".repeat(1 << 20) + "." + "b".repeat(1 << 20) + ".c";

        assertTimeoutPreemptively(Duration.ofMillis(500), () -> {
            for (int i = 0; i < 100; i++) {
                rejectedAs(fixture, megabyte, Reason.TOO_LARGE);
            }
        });
    }

    @Test
    void defaultSizeLimitIs8KiB() {
        try (TokenFixture defaults = new TokenFixture()) {
            String claims = defaults.claims().add("pad", "p".repeat(7_000)).build().toString();
            rejectedAs(defaults, defaults.rs256(claims), Reason.TOO_LARGE);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"JWT", "jwt", "at+jwt+x", "application/jwt", "text/at+jwt", "", "JOSE"})
    void typOtherThanAccessTokenIsRejected(String typ) {
        rejectedAs(fixture, withHeader("{\"alg\":\"RS256\",\"typ\":\"" + typ + "\",\"kid\":\"rsa-1\"}"),
                Reason.WRONG_TYPE);
    }

    @Test
    void absentOrNonStringTypIsRejected() {
        rejectedAs(fixture, withHeader("{\"alg\":\"RS256\",\"kid\":\"rsa-1\"}"), Reason.WRONG_TYPE);
        rejectedAs(fixture, withHeader("{\"alg\":\"RS256\",\"typ\":[\"at+jwt\"],\"kid\":\"rsa-1\"}"), Reason.WRONG_TYPE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"at+jwt", "AT+JWT", "application/at+jwt", "Application/AT+jwt"})
    void accessTokenTypIsAcceptedInAnyCase(String typ) {
        String token = withHeader("{\"alg\":\"RS256\",\"typ\":\"" + typ + "\",\"kid\":\"rsa-1\"}");

        assertEquals("alice", fixture.verifier.verify(token).subject());
    }

    @Test
    void critAndZipHeadersAreRejected() {
        rejectedAs(fixture, withHeader("{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"rsa-1\",\"crit\":[\"exp\"]}"),
                Reason.UNSUPPORTED_HEADER);
        rejectedAs(fixture, withHeader("{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"rsa-1\",\"zip\":\"DEF\"}"),
                Reason.UNSUPPORTED_HEADER);
    }

    @Test
    void missingOrNonStringKidIsMalformed() {
        rejectedAs(fixture, withHeader("{\"alg\":\"RS256\",\"typ\":\"at+jwt\"}"), Reason.MALFORMED);
        rejectedAs(fixture, withHeader("{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":7}"), Reason.MALFORMED);
        rejectedAs(fixture, withHeader("{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":null}"), Reason.MALFORMED);
        rejectedAs(fixture, withHeader("{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"\"}"), Reason.MALFORMED);
    }

    @Test
    void abusiveKidsAreRejectedFastWithoutAFetchStorm() {
        List<String> kids = List.of("../../dev/null", "' OR '1'='1", "1; DROP TABLE keys", "*)(uid=*))(|(uid=*",
                "*", "%00", "${jndi:ldap://127.0.0.1/a}", "rsa-1 ", "RSA-1", "a".repeat(128));
        assertTimeoutPreemptively(Duration.ofSeconds(3), () -> {
            for (String kid : kids) {
                rejectedAs(fixture, withHeader(TokenFixture.header("RS256", kid).build().toString()),
                        Reason.UNKNOWN_KEY);
            }
            for (String kid : List.of("a\r\nX-Injected: 1", "a\u0000b", "a".repeat(129), "k".repeat(100_000))) {
                Reason reason = Rejections.rejected(fixture, withHeader(TokenFixture.header("RS256", kid).build()
                        .toString()));
                assertTrue(reason == Reason.MALFORMED || reason == Reason.TOO_LARGE, kid.length() + ": " + reason);
            }
        });
        assertEquals(2, fixture.server.jwksRequests());
        assertEquals(0, fixture.server.otherRequests());
    }

    @Test
    void floodOfRandomKidsDoesNotStopGoodTokens() {
        String good = fixture.rs256();
        String claims = b64(fixture.claims().build().toString());
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            for (int i = 0; i < 2_000; i++) {
                // built as text: a JSON-P builder per token would cost more than the verifier under test
                String header = b64("{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"random-" + i + "\"}");
                rejectedAs(fixture, header + "." + claims + "." + b64("unchecked"), Reason.UNKNOWN_KEY);
                if (i % 100 == 0) {
                    assertEquals("alice", fixture.verifier.verify(good).subject());
                }
            }
        });
        assertTrue(fixture.server.jwksRequests() <= 2);
    }
}
