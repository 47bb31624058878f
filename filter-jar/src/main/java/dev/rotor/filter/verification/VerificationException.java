package dev.rotor.filter.verification;

/**
 * Why a token was not accepted. The two kinds must stay apart: a {@link TokenRejectedException} is the caller's
 * fault (401), a {@link BackendUnavailableException} is ours (503). Messages never contain token contents.
 */
public sealed abstract class VerificationException extends RuntimeException
        permits TokenRejectedException, BackendUnavailableException {

    protected VerificationException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
