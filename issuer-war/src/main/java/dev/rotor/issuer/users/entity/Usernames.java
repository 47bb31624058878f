package dev.rotor.issuer.users.entity;

import java.util.regex.Pattern;

/**
 * The username rule: 1 to 64 characters, letters, digits and {@code ._@-}, starting with a letter or digit. Nothing
 * else can become part of a Redis key or a log line.
 */
public final class Usernames {

    public static final int MAX_LENGTH = 64;
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    private Usernames() {
    }

    public static boolean isValid(String username) {
        return username != null && username.length() <= MAX_LENGTH && VALID.matcher(username).matches();
    }

    /** Returns the username unchanged, or throws {@link InvalidUsernameException}. */
    public static String require(String username) {
        if (!isValid(username)) {
            throw new InvalidUsernameException();
        }
        return username;
    }
}
