package dev.rotor.issuer.users.entity;

/** A username broke the rule in {@link Usernames}. The message never repeats the input. */
public final class InvalidUsernameException extends IllegalArgumentException {

    public InvalidUsernameException() {
        super("username must be 1-64 letters, digits or ._@- and start with a letter or digit");
    }
}
