package dev.rotor.issuer.users.entity;

/** A set of groups broke the rule in {@link GroupNames}. The message never repeats the input. */
public final class InvalidGroupException extends IllegalArgumentException {

    public InvalidGroupException() {
        super("at most 32 groups, each 1-64 letters, digits or ._:- starting with a letter or digit");
    }
}
