package dev.rotor.filter.authentication.signin;

/** The issuer could not be asked (network, timeout, 5xx): answer 503, decide nothing. */
final class IssuerUnreachableException extends RuntimeException {

    IssuerUnreachableException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
