package dev.rotor.filter.protocol;

import java.util.Base64;
import java.util.Optional;

/**
 * Base64url (RFC 4648 §5) as JOSE uses it, decoded strictly: no padding, nothing outside the alphabet, and the
 * spare bits of a last partial group must be zero. Every byte string then has exactly one accepted spelling, so a
 * signed token cannot be respelled into another string that still verifies.
 */
public final class Base64Url {

    private static final byte[] VALUES = new byte[128];

    static {
        java.util.Arrays.fill(VALUES, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < alphabet.length(); i++) {
            VALUES[alphabet.charAt(i)] = (byte) i;
        }
    }

    private Base64Url() {
    }

    /** @return the bytes, or empty unless {@code text} is canonical unpadded base64url */
    public static Optional<byte[]> decode(CharSequence text) {
        return Optional.ofNullable(decodeOrNull(text, 0, text.length()));
    }

    /** @return the bytes {@code text[from, to)} spells, or {@code null} unless it is canonical unpadded base64url */
    public static byte[] decodeOrNull(CharSequence text, int from, int to) {
        int length = to - from;
        int tail = length & 3;
        if (length < 0 || tail == 1) {
            return null;
        }
        byte[] bytes = new byte[length / 4 * 3 + (tail == 0 ? 0 : tail - 1)];
        int bits = 0;
        int pending = 0;
        int out = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            int value = c < VALUES.length ? VALUES[c] : -1;
            if (value < 0) {
                return null;
            }
            bits = bits << 6 | value;
            if (++pending == 4) {
                bytes[out++] = (byte) (bits >> 16);
                bytes[out++] = (byte) (bits >> 8);
                bytes[out++] = (byte) bits;
                bits = 0;
                pending = 0;
            }
        }
        if (pending == 2) {
            if ((bits & 0x0F) != 0) {
                return null;
            }
            bytes[out] = (byte) (bits >> 4);
        } else if (pending == 3) {
            if ((bits & 0x03) != 0) {
                return null;
            }
            bytes[out++] = (byte) (bits >> 10);
            bytes[out] = (byte) (bits >> 2);
        }
        return bytes;
    }

    /** @return {@code bytes} as unpadded base64url, the one spelling {@link #decode} accepts */
    public static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
