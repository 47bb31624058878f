package dev.rotor.filter.authentication.signin;

import java.io.Serializable;
import java.time.Instant;

/**
 * A sign-in this browser started, kept in its {@code HttpSession} until the issuer sends it back: the values that
 * bind the callback to this browser ({@code state}, {@code nonce}, the PKCE verifier) and the path it came from.
 *
 * @param returnTo a path of this application, with its query, from the request that started the sign-in
 */
record PendingSignIn(String state, String nonce, String verifier, String returnTo, Instant startedAt)
        implements Serializable {

    @Override
    public String toString() {
        return "PendingSignIn[startedAt=" + startedAt + "]";
    }
}
