package dev.rotor.issuer.browser.control;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/** Mints the double-submit CSRF tokens: 256 random bits from {@link SecureRandom}, base64url without padding. */
public final class CsrfTokens {

    static final int TOKEN_BYTES = 32;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random = new SecureRandom();

    public String mint() {
        byte[] value = new byte[TOKEN_BYTES];
        random.nextBytes(value);
        return ENCODER.encodeToString(value);
    }

    /** Whether {@code token} looks like one we minted; anything else in the cookie is replaced. */
    public static boolean isWellFormed(String token) {
        return token != null && SHAPE.matcher(token).matches();
    }
}
