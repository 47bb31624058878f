package dev.rotor.issuer.users.control;

/** The password was null or empty. */
public final class EmptyPasswordException extends PasswordRejectedException {

    public EmptyPasswordException() {
        super("password must not be empty");
    }
}
