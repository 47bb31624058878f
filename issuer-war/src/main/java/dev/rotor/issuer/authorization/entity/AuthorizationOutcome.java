package dev.rotor.issuer.authorization.entity;

import java.net.URI;

/** What the authorization endpoint does with a request. */
public sealed interface AuthorizationOutcome {

    /** Show the problem on an issuer page; the client or its redirect URI could not be validated. */
    record ShowProblem(String problem) implements AuthorizationOutcome {
    }

    /** The user must sign in; the request waits under {@code pendingId}. */
    record SignIn(String pendingId) implements AuthorizationOutcome {
    }

    /** Send the browser back to the client: a code, or an error, with {@code state} and {@code iss}. */
    record BackToClient(URI location) implements AuthorizationOutcome {
    }
}
