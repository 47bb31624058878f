package dev.rotor.issuer.sessions.control;

import dev.rotor.issuer.secrets.Digests;
import dev.rotor.issuer.secrets.RandomTokens;
import dev.rotor.issuer.sessions.entity.SessionIds;

/** Makes refresh tokens (256 random bits) and session ids, and hashes tokens: the hash is all that is stored. */
final class OpaqueTokens {

    static final int TOKEN_BYTES = 32;

    String newRefreshToken() {
        return RandomTokens.base64url(TOKEN_BYTES);
    }

    String newRid() {
        return RandomTokens.base64url(SessionIds.BYTES);
    }

    /** Base64url of the SHA-256 of the token. Tokens are base64url, so their UTF-8 is their ASCII. */
    static String hash(String token) {
        return Digests.sha256Base64url(token);
    }
}
