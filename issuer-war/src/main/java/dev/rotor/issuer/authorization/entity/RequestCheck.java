package dev.rotor.issuer.authorization.entity;

/** The outcome of checking the parameters of an authorization request. */
public sealed interface RequestCheck {

    /**
     * The client or its redirect URI could not be validated: the browser must not be sent anywhere, so the issuer
     * shows the problem itself.
     *
     * @param problem a fixed sentence for the user; never the input
     */
    record Unverifiable(String problem) implements RequestCheck {
    }

    /**
     * A later problem, answered at the client's validated redirect URI (RFC 6749 §4.1.2.1).
     *
     * @param state the request's state if it had a well-formed one, else {@code null}
     */
    record Refused(String redirectUri, String state, String error, String description) implements RequestCheck {
    }

    /** Every parameter is acceptable. */
    record Accepted(AuthorizationRequest request) implements RequestCheck {
    }
}
