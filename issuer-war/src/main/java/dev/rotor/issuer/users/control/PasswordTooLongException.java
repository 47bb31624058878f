package dev.rotor.issuer.users.control;

/** The password is longer than {@link PasswordHasher#MAX_LENGTH} characters; it was refused before hashing. */
public final class PasswordTooLongException extends PasswordRejectedException {

    public PasswordTooLongException() {
        super("password must be at most " + PasswordHasher.MAX_LENGTH + " characters");
    }
}
