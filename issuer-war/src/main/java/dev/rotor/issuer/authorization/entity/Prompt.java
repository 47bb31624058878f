package dev.rotor.issuer.authorization.entity;

import java.util.Locale;
import java.util.Optional;

/** The values of the OpenID Connect {@code prompt} parameter. */
public enum Prompt {
    /** Show no page: answer {@code login_required} unless the user is signed in already. */
    NONE,
    /** Ask for the password again even if the user is signed in. */
    LOGIN,
    /** Accepted and needs nothing: every client is registered by an administrator, so there is no consent page. */
    CONSENT,
    /** Accepted and needs nothing: one browser holds one issuer session. */
    SELECT_ACCOUNT;

    public static Optional<Prompt> named(String value) {
        for (Prompt prompt : values()) {
            if (prompt.name().toLowerCase(Locale.ROOT).equals(value)) {
                return Optional.of(prompt);
            }
        }
        return Optional.empty();
    }
}
