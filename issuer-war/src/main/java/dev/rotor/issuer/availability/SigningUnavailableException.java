package dev.rotor.issuer.availability;

/** This instance has no published signing key yet (it is starting, or Redis was down since it started). */
public final class SigningUnavailableException extends BackendUnavailableException {

    public SigningUnavailableException() {
        super("no published signing key yet", null);
    }

    @Override
    public String backend() {
        return "signing key";
    }
}
