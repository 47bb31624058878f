package dev.rotor.filter.authentication.signin;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;

/**
 * A successful token response (RFC 6749 §5.1) as the relying party keeps it.
 *
 * @param idToken {@code null} on a refresh, which returns none
 */
record TokenAnswer(String accessToken, String refreshToken, String idToken) {

    static TokenAnswer of(JsonObject json) {
        String access = IssuerCalls.string(json, "access_token");
        if (access == null || !"Bearer".equalsIgnoreCase(IssuerCalls.string(json, "token_type"))
                || !(json.get("expires_in") instanceof JsonNumber)) {
            throw new SignInFailedException("the token response is malformed");
        }
        return new TokenAnswer(access, IssuerCalls.string(json, "refresh_token"), IssuerCalls.string(json, "id_token"));
    }

    @Override
    public String toString() {
        return "TokenAnswer[<redacted>]";
    }
}
