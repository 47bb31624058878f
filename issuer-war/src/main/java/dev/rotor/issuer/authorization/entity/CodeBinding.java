package dev.rotor.issuer.authorization.entity;

import java.time.Instant;
import java.util.Set;

/**
 * What an authorization code stands for; Redis keeps it under the code's hash, never the code.
 *
 * @param clientId      the client it was issued to: only that client may redeem it
 * @param redirectUri   the redirect URI of the request, which the token request must repeat exactly
 * @param codeChallenge the PKCE S256 challenge the verifier must meet; {@code null} when the request had none
 * @param nonce         the request's nonce, for the ID token; empty when none was sent
 * @param subject       who signed in
 * @param authTime      when they entered their password
 * @param sid           the issuer browser session the app session will be linked to
 * @param scopes        the scopes granted
 * @param groups        the user's groups at sign-in
 * @param rid           the id of the app session the redemption opens, fixed at issue so a replay can end it
 */
public record CodeBinding(String clientId, String redirectUri, String codeChallenge, String nonce, String subject,
                          Instant authTime, String sid, Set<String> scopes, Set<String> groups, String rid) {

    public CodeBinding {
        scopes = Set.copyOf(scopes);
        groups = Set.copyOf(groups);
    }
}
