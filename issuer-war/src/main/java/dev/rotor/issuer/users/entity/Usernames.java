package dev.rotor.issuer.users.entity;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The username rule: 1 to 64 characters, letters, digits and {@code ._@-}, starting with a letter or digit. Nothing
 * else can become part of a Redis key or a log line.
 * <p>
 * Usernames are case-insensitive: {@code Admin} and {@code admin} are one user, whose canonical form (the stored
 * name, the {@code sub} of its tokens, the key of its throttle counters) is lower case. This is PRECIS
 * {@code UsernameCaseMapped} (RFC 8265 §3.3) for the ASCII alphabet above: width mapping and normalisation change
 * nothing in it, so case mapping is all that remains.
 */
public final class Usernames {

    public static final int MAX_LENGTH = 64;
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    private Usernames() {
    }

    public static boolean isValid(String username) {
        return username != null && username.length() <= MAX_LENGTH && VALID.matcher(username).matches();
    }

    /** Returns the canonical form of a valid username, or throws {@link InvalidUsernameException}. */
    public static String require(String username) {
        if (!isValid(username)) {
            throw new InvalidUsernameException();
        }
        return username.toLowerCase(Locale.ROOT);
    }
}
