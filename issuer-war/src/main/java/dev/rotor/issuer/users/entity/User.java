package dev.rotor.issuer.users.entity;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A user of the built-in identity store. {@link #toString()} leaves out the password hash, so a user can be logged.
 *
 * @param username          a valid username, see {@link Usernames}
 * @param passwordHash      the {@code Pbkdf2PasswordHash} string (algorithm, iterations, salt and hash)
 * @param groups            the user's groups, immutable, see {@link GroupNames}
 * @param disabled          a disabled user cannot log in
 * @param passwordChangedAt when the password was last set
 * @param name              the display name, or {@code null}
 * @param email             the email address, or {@code null}
 */
public record User(String username, String passwordHash, Set<String> groups, boolean disabled,
                   Instant passwordChangedAt, String name, String email) {

    public User {
        username = Usernames.require(username);
        Objects.requireNonNull(passwordHash, "passwordHash");
        groups = GroupNames.require(groups);
        Objects.requireNonNull(passwordChangedAt, "passwordChangedAt");
        Profiles.require(name, email);
    }

    /** A user without a profile. */
    public User(String username, String passwordHash, Set<String> groups, boolean disabled,
                Instant passwordChangedAt) {
        this(username, passwordHash, groups, disabled, passwordChangedAt, null, null);
    }

    @Override
    public String toString() {
        return "User[username=" + username + ", groups=" + groups + ", disabled=" + disabled
                + ", passwordChangedAt=" + passwordChangedAt + "]";
    }
}
