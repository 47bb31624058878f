package dev.rotor.issuer.tokens.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Makes refresh tokens and session ids from {@link SecureRandom}, and hashes tokens. */
final class OpaqueTokens {

    static final int TOKEN_BYTES = 32;
    static final int RID_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random = new SecureRandom();

    String newRefreshToken() {
        return randomBase64url(TOKEN_BYTES);
    }

    String newRid() {
        return randomBase64url(RID_BYTES);
    }

    /** Base64url of the SHA-256 of the token: all that is ever stored of it. */
    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return ENCODER.encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must support SHA-256", e);
        }
    }

    private String randomBase64url(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return ENCODER.encodeToString(value);
    }
}
