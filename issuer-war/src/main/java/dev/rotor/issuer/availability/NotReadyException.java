package dev.rotor.issuer.availability;

/** The issuer has not finished starting; requests are refused until it has. */
public final class NotReadyException extends BackendUnavailableException {

    public NotReadyException() {
        super("the issuer is starting", null);
    }

    @Override
    public String backend() {
        return "start-up";
    }
}
