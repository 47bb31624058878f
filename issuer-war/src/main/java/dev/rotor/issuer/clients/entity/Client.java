package dev.rotor.issuer.clients.entity;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A registered client (relying party). Immutable and validated on construction.
 *
 * @param clientId               its {@code client_id}, see {@link ClientIds}
 * @param type                   public or confidential
 * @param secretHash             base64url SHA-256 of a confidential client's secret; {@code null} for a public one
 * @param redirectUris           exact redirect URIs, see {@link RedirectUris}
 * @param postLogoutRedirectUris exact URIs the end-session endpoint may send the browser back to
 * @param grantTypes             what it may use at the token endpoint, see {@link GrantTypes}
 * @param scopes                 the scopes it may ask for
 * @param declared               whether it comes from configuration (then the admin API cannot change it)
 * @param pkceRequired           {@code true} for every client unless registered otherwise: a confidential client
 *                               whose library has no PKCE (Jakarta Security 3.0's OpenID Connect client) may sign
 *                               in with the OpenID Connect nonce instead, as RFC 9700 §2.1.1 allows
 */
public record Client(String clientId, ClientType type, String secretHash, List<String> redirectUris,
                     List<String> postLogoutRedirectUris, Set<String> grantTypes, Set<String> scopes,
                     boolean declared, boolean pkceRequired) {

    private static final int MAX_URIS = 16;

    public Client {
        if (!ClientIds.isValid(clientId)) {
            throw new InvalidClientException("client_id must be 1-64 letters, digits or ._- starting with a letter or digit");
        }
        Objects.requireNonNull(type, "type");
        if ((type == ClientType.CONFIDENTIAL) != (secretHash != null)) {
            throw new InvalidClientException("a confidential client has a secret and a public one has none");
        }
        redirectUris = uris(redirectUris, "redirect_uris");
        postLogoutRedirectUris = uris(postLogoutRedirectUris, "post_logout_redirect_uris");
        grantTypes = Set.copyOf(grantTypes);
        if (grantTypes.isEmpty() || !GrantTypes.ALL.containsAll(grantTypes)) {
            throw new InvalidClientException("grant_types must be some of authorization_code, refresh_token, password");
        }
        if (grantTypes.contains(GrantTypes.AUTHORIZATION_CODE) && redirectUris.isEmpty()) {
            throw new InvalidClientException("redirect_uris must not be empty for authorization_code");
        }
        if (!pkceRequired && type == ClientType.PUBLIC) {
            throw new InvalidClientException("pkce_required may be false only for a confidential client");
        }
        scopes = Set.copyOf(scopes);
        if (scopes.size() > 32 || !scopes.stream().allMatch(Scopes::isValid)) {
            throw new InvalidClientException("scopes must be at most 32 scope tokens");
        }
    }

    /** A client that requires PKCE, as every client does unless registered otherwise. */
    public Client(String clientId, ClientType type, String secretHash, List<String> redirectUris,
                  List<String> postLogoutRedirectUris, Set<String> grantTypes, Set<String> scopes, boolean declared) {
        this(clientId, type, secretHash, redirectUris, postLogoutRedirectUris, grantTypes, scopes, declared, true);
    }

    public boolean allows(String grantType) {
        return grantTypes.contains(grantType);
    }

    public boolean isPublic() {
        return type == ClientType.PUBLIC;
    }

    /** The same client with another secret hash (a rotation). */
    public Client withSecretHash(String hash) {
        return new Client(clientId, type, hash, redirectUris, postLogoutRedirectUris, grantTypes, scopes, declared,
                pkceRequired);
    }

    private static List<String> uris(List<String> uris, String field) {
        List<String> copy = List.copyOf(uris);
        if (copy.size() > MAX_URIS) {
            throw new InvalidClientException(field + " may hold at most " + MAX_URIS + " URIs");
        }
        for (String uri : copy) {
            if (!RedirectUris.isAllowed(uri)) {
                throw new InvalidClientException(field + " must be https URIs, or http on localhost, 127.0.0.1 or "
                        + "[::1], without fragment or user info, of at most " + RedirectUris.MAX_LENGTH + " characters");
            }
        }
        return copy;
    }

    @Override
    public String toString() {
        return "Client[" + clientId + ", " + type + ", grants=" + grantTypes + "]";
    }
}
