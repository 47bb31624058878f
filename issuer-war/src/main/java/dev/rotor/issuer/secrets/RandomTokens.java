package dev.rotor.issuer.secrets;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable values (refresh tokens, session and token ids, CSRF tokens, passwords): random bytes, base64url. */
public final class RandomTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private RandomTokens() {
    }

    /** {@code bytes} random bytes from {@link SecureRandom}, base64url without padding. */
    public static String base64url(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return ENCODER.encodeToString(value);
    }
}
