package dev.rotor.issuer.authorization.entity;

import java.net.URI;

/** What the end-session endpoint does with a logout request. */
public sealed interface EndSessionOutcome {

    /** The request is malformed or names an unregistered return address: show why, send the browser nowhere. */
    record Problem(String problem) implements EndSessionOutcome {
    }

    /**
     * Nothing proves that the user's application asked: ask the user, with a form that posts these values back.
     *
     * @param clientId              the client named, or {@code null}
     * @param postLogoutRedirectUri the validated return address, or {@code null}
     * @param state                 the client's state, or {@code null}
     */
    record Confirm(String clientId, String postLogoutRedirectUri, String state) implements EndSessionOutcome {
    }

    /**
     * Signed out: the browser session and every app session linked to it are ended.
     *
     * @param location    where to send the browser (the registered return address with {@code state}), or
     *                    {@code null} to show the issuer's signed-out page
     * @param clearCookie whether the browser's own issuer session was among them
     */
    record SignedOut(URI location, boolean clearCookie) implements EndSessionOutcome {
    }
}
