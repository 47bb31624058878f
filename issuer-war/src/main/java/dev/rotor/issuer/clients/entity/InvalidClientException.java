package dev.rotor.issuer.clients.entity;

/** A client registration broke a rule; the message names the field and never repeats the input. */
public final class InvalidClientException extends IllegalArgumentException {

    public InvalidClientException(String message) {
        super(message);
    }
}
