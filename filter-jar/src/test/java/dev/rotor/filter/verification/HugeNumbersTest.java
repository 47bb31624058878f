package dev.rotor.filter.verification;

import dev.rotor.filter.protocol.InvalidRevocationEventException;
import dev.rotor.filter.protocol.RevocationEvent;
import dev.rotor.filter.verification.TokenRejectedException.Reason;
import dev.rotor.testsupport.TestKeys;
import dev.rotor.testsupport.TokenFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static dev.rotor.filter.verification.Rejections.rejectedAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11, finding 1: a JSON number longer than Parsson's 1,100-digit limit made it throw
 * {@code UnsupportedOperationException} from every parser, and every verifier answered 500. Each parser now
 * refuses such numbers, and numbers with absurd exponents, as typed input errors.
 */
class HugeNumbersTest {

    private final TokenFixture fixture = new TokenFixture("max-token-size", "65536");

    @AfterEach
    void close() {
        fixture.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"integer", "fraction", "negative", "exponent", "tiny", "justOverTheLimit"})
    void inTheJoseHeader(String kind) {
        String header = "{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"rsa-1\",\"x\":" + number(kind) + "}";

        rejectedAs(fixture, TokenFixture.signedWithRsa(header, fixture.claims().build().toString()), Reason.MALFORMED);
        assertEquals("alice", fixture.verifier.verify(fixture.rs256()).subject());
    }

    @ParameterizedTest
    @ValueSource(strings = {"integer", "fraction", "negative", "exponent", "tiny", "justOverTheLimit"})
    void inTheClaims(String kind) {
        String claims = fixture.claims().build().toString();
        for (String member : new String[]{"\"exp\":", "\"x\":", "\"groups\":[\"a\"],\"deep\":[["}) {
            String json = claims.substring(0, claims.length() - 1) + "," + member + number(kind)
                    + (member.endsWith("[[") ? "]]" : "") + "}";
            if (member.startsWith("\"exp\"")) {
                json = json.replaceFirst("\"exp\":\\d+,", "");
            }
            rejectedAs(fixture, fixture.rs256(json), Reason.MALFORMED);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"integer", "fraction", "exponent"})
    void inTheJwks(String kind) {
        String member = TestKeys.jwk("big", TokenFixture.RSA).replace("}", ",\"x\":" + number(kind) + "}");
        String top = "{\"n\":" + number(kind) + ",\"keys\":[" + TestKeys.jwk("ok", TokenFixture.RSA) + "]}";

        assertTrue(JwksDocument.parse(TestKeys.jwks(member).getBytes(StandardCharsets.UTF_8), Duration.ZERO).isEmpty());
        assertTrue(JwksDocument.parse(top.getBytes(StandardCharsets.UTF_8), Duration.ZERO).isEmpty());
        assertFalse(JwksDocument.parse(TestKeys.jwks(TestKeys.jwk("ok", TokenFixture.RSA))
                .getBytes(StandardCharsets.UTF_8), Duration.ZERO).orElseThrow().keys().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"exponent", "tiny", "justOverTheLimit", "event-sized integer", "event-sized fraction"})
    void inARevocationEvent(String kind) {
        String number = kind.startsWith("event-sized") ? (kind.endsWith("fraction") ? "0." : "") + "9".repeat(900)
                : number(kind);
        assertThrows(InvalidRevocationEventException.class, () -> RevocationEvent.parse(
                "{\"type\":\"rid\",\"value\":\"s\",\"expiresAt\":1,\"x\":" + number + "}"));
        assertThrows(InvalidRevocationEventException.class, () -> RevocationEvent.parse(
                "{\"type\":\"rid\",\"value\":\"s\",\"expiresAt\":" + number + "}"));
    }

    static String number(String kind) {
        return switch (kind) {
            case "integer" -> "1".repeat(1200);
            case "fraction" -> "0." + "1".repeat(1200);
            case "negative" -> "-" + "9".repeat(5000);
            case "exponent" -> "1e999999999";
            case "tiny" -> "1E-999999999";
            default -> "1".repeat(65);
        };
    }
}
