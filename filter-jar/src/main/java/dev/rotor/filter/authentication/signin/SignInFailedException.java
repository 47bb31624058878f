package dev.rotor.filter.authentication.signin;

/**
 * A sign-in could not be completed: a callback without a matching state, an issuer error, a refused code or an ID
 * token that does not validate. The browser gets a 4xx; the message is ours and never holds a token.
 */
final class SignInFailedException extends RuntimeException {

    SignInFailedException(String message) {
        super(message, null, false, false);
    }
}
