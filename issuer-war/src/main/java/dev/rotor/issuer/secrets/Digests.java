package dev.rotor.issuer.secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/** SHA-256 of secrets and of hostile input, so neither is ever stored or used as a key name as it is. */
public final class Digests {

    private Digests() {
    }

    /** Base64url, without padding, of the SHA-256 of {@code text} in UTF-8. */
    public static String sha256Base64url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(text));
    }

    /** Lower-case hex of the SHA-256 of {@code text} in UTF-8. */
    public static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256(text));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
