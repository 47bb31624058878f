package dev.rotor.issuer.sessions.entity;

import java.util.regex.Pattern;

/** The one shape of a session id ({@code rid}): 128 random bits, base64url without padding. */
public final class SessionIds {

    /** The random bytes of a session id. */
    public static final int BYTES = 16;
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{22}");

    private SessionIds() {
    }

    public static boolean isValid(String rid) {
        return rid != null && VALID.matcher(rid).matches();
    }
}
