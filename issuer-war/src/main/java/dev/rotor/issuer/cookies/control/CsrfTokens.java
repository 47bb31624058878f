package dev.rotor.issuer.cookies.control;

import dev.rotor.issuer.secrets.RandomTokens;

import java.util.regex.Pattern;

/** Mints the double-submit CSRF tokens: 256 random bits, base64url without padding. */
public final class CsrfTokens {

    static final int TOKEN_BYTES = 32;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    public String mint() {
        return RandomTokens.base64url(TOKEN_BYTES);
    }

    /** Whether {@code token} looks like one we minted; anything else in the cookie is replaced. */
    public static boolean isWellFormed(String token) {
        return token != null && SHAPE.matcher(token).matches();
    }
}
