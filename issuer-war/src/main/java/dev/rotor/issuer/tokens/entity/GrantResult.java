package dev.rotor.issuer.tokens.entity;

import java.time.Duration;

/**
 * The outcome of a grant, in domain terms. The token endpoint turns it into RFC 6749 JSON, the browser login into a
 * page; control code never speaks either format.
 */
public sealed interface GrantResult {

    /** Tokens were issued and recorded. */
    record Granted(TokenPair tokens) implements GrantResult {
    }

    /** Nothing was issued, for {@code reason}. */
    record Refused(Refusal reason) implements GrantResult {
    }

    /** Too many failed logins for the account or from the client; nothing was checked. */
    record Throttled(Duration retryAfter) implements GrantResult {
    }

    /** Why a grant issued nothing. Unknown users, wrong passwords and disabled users are one reason on purpose. */
    enum Refusal {
        /** A username or password beyond the length limits, refused before any hashing. */
        MALFORMED_CREDENTIALS,
        /** Wrong username or password, or a disabled user. */
        BAD_CREDENTIALS,
        /** An unknown, expired or ended refresh token, or one of a disabled user. */
        INVALID_REFRESH_TOKEN,
        /** A refresh token presented again: the session has been ended. */
        REFRESH_TOKEN_REUSED,
        /** An unknown, expired or used code, or one issued to another client or redirect URI, or a wrong verifier. */
        INVALID_CODE,
        /** A code presented again: the session its first redemption opened has been ended. */
        CODE_REUSED,
        /** A {@code code_verifier} that is not 43 to 128 unreserved characters. */
        MALFORMED_VERIFIER,
        /** The client may not use this grant, or the issuer has switched it off. */
        UNAUTHORIZED_CLIENT
    }
}
