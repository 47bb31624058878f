package dev.rotor.issuer.users.entity;

import java.util.regex.Pattern;

/**
 * The rules for a user's optional profile: a display {@code name} of 1 to 128 characters and an {@code email} of at
 * most 254, neither with control characters. They reach ID tokens and UserInfo, never a key name.
 */
public final class Profiles {

    private static final Pattern EMAIL = Pattern.compile("[^\\s@\\p{Cntrl}]{1,64}@[^\\s@\\p{Cntrl}]{1,189}");

    private Profiles() {
    }

    public static boolean isName(String name) {
        return name != null && !name.isBlank() && name.length() <= 128 && name.chars().noneMatch(Character::isISOControl);
    }

    public static boolean isEmail(String email) {
        return email != null && email.length() <= 254 && EMAIL.matcher(email).matches();
    }

    /** @throws InvalidProfileException unless each value is {@code null} or valid */
    public static void require(String name, String email) {
        if ((name != null && !isName(name)) || (email != null && !isEmail(email))) {
            throw new InvalidProfileException();
        }
    }
}
