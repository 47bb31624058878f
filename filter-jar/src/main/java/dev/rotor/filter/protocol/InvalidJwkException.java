package dev.rotor.filter.protocol;

/** A JWKS member that cannot be used as a verification key. The message never contains key material. */
public final class InvalidJwkException extends RuntimeException {

    public InvalidJwkException(String message) {
        super(message);
    }
}
