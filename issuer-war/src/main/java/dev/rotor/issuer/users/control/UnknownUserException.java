package dev.rotor.issuer.users.control;

/** An update named a user who does not exist. Only an administrator sees this, so the username is included. */
public final class UnknownUserException extends RuntimeException {

    private final String username;

    public UnknownUserException(String username) {
        super("no such user: " + username);
        this.username = username;
    }

    public String username() {
        return username;
    }
}
