package dev.rotor.issuer.users.control;

/** A password was refused before any hashing: empty, or too long to be worth the work. */
public abstract sealed class PasswordRejectedException extends IllegalArgumentException
        permits EmptyPasswordException, PasswordTooLongException {

    PasswordRejectedException(String message) {
        super(message);
    }
}
