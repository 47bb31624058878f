package dev.rotor.filter.protocol;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Base64;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Base64UrlTest {

    @Test
    void decodesWhatTheJdkEncodesWithoutPaddingForEveryLength() {
        Random random = new Random(7);
        for (int length = 0; length < 200; length++) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            String text = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

            assertArrayEquals(bytes, Base64Url.decode(text).orElseThrow());
            assertEquals(text, Base64Url.encode(bytes));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"QQ==", "QQ=", "QR", "QUF", "QUJ", "A", "AAAAA", "QQ+/", "Q Q", "QQ\n", "Q\u00e9", "QQ.A"})
    void nonCanonicalSpellingsAreRefused(String text) {
        assertTrue(Base64Url.decode(text).isEmpty(), text);
    }

    @Test
    void eachByteHasExactlyOneAcceptedTwoCharacterSpelling() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int[] spellings = new int[256];
        for (char first : alphabet.toCharArray()) {
            for (char second : alphabet.toCharArray()) {
                Base64Url.decode("" + first + second).ifPresent(bytes -> spellings[bytes[0] & 0xFF]++);
            }
        }
        for (int b = 0; b < 256; b++) {
            assertEquals(1, spellings[b], "byte " + b);
        }
    }
}
