package dev.rotor.issuer.users.entity;

/** A name or email broke the rule in {@link Profiles}. The message never repeats the input. */
public final class InvalidProfileException extends IllegalArgumentException {

    public InvalidProfileException() {
        super("name must be 1-128 characters and email an address of at most 254, without control characters");
    }
}
