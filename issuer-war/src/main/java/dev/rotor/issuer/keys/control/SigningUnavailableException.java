package dev.rotor.issuer.keys.control;

/** No key has been published yet (Redis was unreachable since start), so nothing may be signed. */
public final class SigningUnavailableException extends RuntimeException {

    public SigningUnavailableException() {
        super("no published signing key yet");
    }
}
