package dev.rotor.filter.verification;

import dev.rotor.filter.verification.TokenRejectedException.Reason;
import dev.rotor.testsupport.TokenFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;

import static dev.rotor.filter.verification.Rejections.rejectedAs;
import static dev.rotor.testsupport.TokenFixture.b64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A signed token has exactly one accepted spelling (issue 11, finding 5): neither the other valid ECDSA signature
 * (s → n − s) nor a respelling of any segment with non-zero spare bits or padding is accepted.
 */
class MalleabilityTest {

    private static final BigInteger ORDER = ((ECPublicKey) TokenFixture.EC.getPublic()).getParams().getOrder();
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private final TokenFixture fixture = new TokenFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void highSTwinOfAValidEs256SignatureIsRejected() {
        for (int i = 0; i < 20; i++) {
            String token = fixture.es256();
            String input = token.substring(0, token.lastIndexOf('.') + 1);
            byte[] signature = Base64.getUrlDecoder().decode(token.substring(token.lastIndexOf('.') + 1));
            BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(signature, 32, 64));
            assertTrue(s.compareTo(ORDER.shiftRight(1)) <= 0, "the fixture signs low-S");

            rejectedAs(fixture, input + b64(TokenFixture.withS(signature, ORDER.subtract(s))), Reason.BAD_SIGNATURE);
            assertEquals("alice", fixture.verifier.verify(token).subject());
        }
    }

    @Test
    void segmentsWithNonZeroSpareBitsAreRejectedInEveryPosition() {
        String token = fixture.rs256(fixture.claims().add("pad", "x").build().toString());
        String[] parts = token.split("\\.");
        int respelled = 0;
        for (int segment = 0; segment < 3; segment++) {
            String original = parts[segment];
            int spare = switch (original.length() % 4) {
                case 2 -> 0x0F;
                case 3 -> 0x03;
                default -> 0;
            };
            if (spare == 0) {
                continue;
            }
            char last = original.charAt(original.length() - 1);
            String twin = original.substring(0, original.length() - 1) + ALPHABET.charAt(ALPHABET.indexOf(last) | spare);
            assertTrue(java.util.Arrays.equals(Base64.getUrlDecoder().decode(original),
                    Base64.getUrlDecoder().decode(twin)), "a lenient decoder reads both the same");
            String[] changed = parts.clone();
            changed[segment] = twin;

            rejectedAs(fixture, String.join(".", changed), Reason.MALFORMED);
            respelled++;
        }
        assertTrue(respelled >= 1, "at least one segment has spare bits");
        assertEquals("alice", fixture.verifier.verify(token).subject());
    }

    @Test
    void paddingIsRejectedInEverySegment() {
        String[] parts = fixture.rs256().split("\\.");
        for (int segment = 0; segment < 3; segment++) {
            for (String padding : new String[]{"=", "==", "%3D"}) {
                String[] changed = parts.clone();
                changed[segment] = parts[segment] + padding;
                rejectedAs(fixture, String.join(".", changed), Reason.MALFORMED);
            }
        }
    }

    @Test
    void aSegmentOfOneCharacterModuloFourIsRejected() {
        String[] parts = fixture.rs256().split("\\.");
        StringBuilder payload = new StringBuilder(parts[1]);
        while (payload.length() % 4 != 1) {
            payload.append('A');
        }
        rejectedAs(fixture, parts[0] + "." + payload + "." + parts[2], Reason.MALFORMED);
    }
}
