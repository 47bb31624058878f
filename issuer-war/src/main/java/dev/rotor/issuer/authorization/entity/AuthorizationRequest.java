package dev.rotor.issuer.authorization.entity;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * A checked authorization request (RFC 6749 §4.1.1 with PKCE and OpenID Connect): the client and its redirect URI
 * are registered, and every parameter has its strict shape.
 *
 * @param clientId      the registered client
 * @param redirectUri   one of its registered redirect URIs, exactly
 * @param scopes        the scopes asked for, all allowed to the client
 * @param state         the client's state, passed back unchanged
 * @param nonce         the OpenID Connect nonce, copied into the ID token; {@code null} when none was sent
 * @param codeChallenge the PKCE S256 challenge; {@code null} only for a client registered without PKCE
 * @param prompts       the {@code prompt} values
 * @param maxAge        the longest time since the user's login the client accepts; {@code null} when not sent
 * @param requestedAt   when the request arrived; a {@code prompt=login} is met by a login after it
 */
public record AuthorizationRequest(String clientId, String redirectUri, Set<String> scopes, String state,
                                   String nonce, String codeChallenge, Set<Prompt> prompts, Duration maxAge,
                                   Instant requestedAt) {

    public AuthorizationRequest {
        scopes = Set.copyOf(scopes);
        prompts = Set.copyOf(prompts);
    }
}
