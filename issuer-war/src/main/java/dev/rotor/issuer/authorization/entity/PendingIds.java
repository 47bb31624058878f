package dev.rotor.issuer.authorization.entity;

import java.util.regex.Pattern;

/** The shape of the opaque id under which a pending authorization request waits for the login: 256 bits, base64url. */
public final class PendingIds {

    public static final int BYTES = 32;
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{43}");

    private PendingIds() {
    }

    public static boolean isValid(String id) {
        return id != null && VALID.matcher(id).matches();
    }
}
