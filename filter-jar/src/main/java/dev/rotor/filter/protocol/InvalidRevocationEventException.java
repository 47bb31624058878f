package dev.rotor.filter.protocol;

/** A revocation event that is malformed or out of bounds. The message is fixed text and never echoes the input. */
public final class InvalidRevocationEventException extends RuntimeException {

    public InvalidRevocationEventException(String message) {
        super(message, null, false, false);
    }
}
