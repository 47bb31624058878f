package dev.rotor.issuer.tokens.boundary;

import dev.rotor.issuer.clients.boundary.ClientCredentialsReader;
import dev.rotor.issuer.clients.control.ClientAuthenticator;
import dev.rotor.issuer.clients.control.ClientRegistry;
import dev.rotor.issuer.clients.entity.Client;
import dev.rotor.issuer.clients.entity.ClientAuthentication;
import dev.rotor.issuer.clients.entity.ClientCredentials;
import dev.rotor.issuer.clients.entity.Scopes;
import dev.rotor.issuer.cookies.boundary.RefreshCookie;
import dev.rotor.issuer.http.CacheControl;
import dev.rotor.issuer.http.FormParameters;
import dev.rotor.issuer.http.OAuthEndpoint;
import dev.rotor.issuer.http.OAuthErrorException;
import dev.rotor.issuer.tokens.control.CodeGrant;
import dev.rotor.issuer.tokens.control.GrantPolicy;
import dev.rotor.issuer.tokens.control.PasswordGrant;
import dev.rotor.issuer.tokens.control.RefreshGrant;
import dev.rotor.issuer.tokens.entity.GrantResult;
import dev.rotor.issuer.tokens.entity.TokenPair;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code POST /oauth2/token} (RFC 6749): the authorization code grant (with PKCE and client authentication), the
 * refresh-token grant (a session issued to a registered client refreshes for that client only) and the password
 * grant (switchable, see {@link GrantPolicy}). A browser app refreshes without a {@code refresh_token} field: the
 * token comes from the {@code __Host-} refresh cookie (with the CSRF header), and the rotated one goes back into the
 * cookie instead of the JSON body.
 */
@Path("oauth2/token")
public class TokenResource extends OAuthEndpoint {

    @Inject
    PasswordGrant passwords;

    @Inject
    RefreshGrant refreshes;

    @Inject
    CodeGrant codes;

    @Inject
    ClientRegistry clients;

    @Inject
    ClientAuthenticator authenticator;

    @Inject
    RefreshCookie refreshCookie;

    @Inject
    Clock clock;

    @Context
    HttpServletRequest request;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(MultivaluedMap<String, String> form) {
        FormParameters parameters = new FormParameters(form);
        String grantType = parameters.required("grant_type");
        ClientCredentials credentials = ClientCredentialsReader.read(request.getHeader("Authorization"), parameters);
        if (grantType.equals("refresh_token") && parameters.optional("refresh_token").isEmpty()
                && !credentials.namesClient()) {
            return refreshFromCookie();
        }
        GrantResult result = switch (grantType) {
            case "authorization_code" -> codes.redeem(authenticated(credentials), parameters.required("code"),
                    parameters.required("redirect_uri"), parameters.optional("code_verifier").orElse(null));
            case "refresh_token" -> refreshes.refresh(parameters.required("refresh_token"),
                    credentials.namesClient() ? authenticated(credentials).clientId() : null);
            case "password" -> password(parameters, credentials);
            default -> throw OAuthErrorException.unsupportedGrantType();
        };
        return answer(granted(result), true).build();
    }

    private GrantResult password(FormParameters parameters, ClientCredentials credentials) {
        Optional<Client> registered = credentials.namesClient() ? clients.find(credentials.clientId())
                : Optional.empty();
        if (registered.isPresent()) {
            authenticated(credentials);
        }
        if (!GrantPolicy.passwordAllowed(clients.passwordGrantEnabled(), registered)) {
            throw OAuthErrorException.unauthorizedClient();
        }
        return passwords.login(parameters.required("username"), parameters.required("password"),
                credentials.namesClient() ? credentials.clientId() : "", request.getRemoteAddr());
    }

    /** @throws OAuthErrorException {@code invalid_client} unless the client authenticates */
    private Client authenticated(ClientCredentials credentials) {
        ClientAuthentication authentication = authenticator.authenticate(credentials);
        if (authentication instanceof ClientAuthentication.Authenticated authenticated) {
            return authenticated.client();
        }
        throw OAuthErrorException.invalidClient(credentials.method() == ClientCredentials.Method.BASIC);
    }

    private Response refreshFromCookie() {
        String refreshToken = refreshCookie.presented(request)
                .orElseThrow(() -> OAuthErrorException.invalidRequest("Missing parameter refresh_token"));
        TokenPair pair = granted(refreshes.refresh(refreshToken));
        return answer(pair, false).header("Set-Cookie", refreshCookie.set(pair.refreshToken())).build();
    }

    /** @throws OAuthErrorException for every outcome but {@link GrantResult.Granted} */
    private static TokenPair granted(GrantResult result) {
        if (result instanceof GrantResult.Granted granted) {
            return granted.tokens();
        }
        if (result instanceof GrantResult.Throttled throttled) {
            throw OAuthErrorException.throttled(throttled.retryAfter());
        }
        throw switch (((GrantResult.Refused) result).reason()) {
            case MALFORMED_CREDENTIALS -> OAuthErrorException.invalidRequest("username or password too long");
            case BAD_CREDENTIALS -> OAuthErrorException.invalidGrant("Invalid username or password");
            case INVALID_REFRESH_TOKEN -> OAuthErrorException.invalidGrant("Invalid or expired refresh token");
            case REFRESH_TOKEN_REUSED -> OAuthErrorException.invalidGrant(
                    "Refresh token reuse detected; the session is revoked");
            case INVALID_CODE -> OAuthErrorException.invalidGrant(
                    "Invalid, expired or used authorization code, or a wrong redirect_uri or code_verifier");
            case CODE_REUSED -> OAuthErrorException.invalidGrant(
                    "Authorization code reuse detected; the session it opened is revoked");
            case MALFORMED_VERIFIER -> OAuthErrorException.invalidRequest(
                    "code_verifier must be 43 to 128 unreserved characters");
            case UNAUTHORIZED_CLIENT -> OAuthErrorException.unauthorizedClient();
        };
    }

    private Response.ResponseBuilder answer(TokenPair pair, boolean withRefreshToken) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("access_token", pair.access().value())
                .add("token_type", "Bearer")
                .add("expires_in", Math.max(0, Duration.between(clock.instant(), pair.access().expiresAt())
                        .toSeconds()));
        if (withRefreshToken) {
            body.add("refresh_token", pair.refreshToken());
        }
        if (pair.idToken() != null) {
            body.add("id_token", pair.idToken());
        }
        if (!pair.scopes().isEmpty()) {
            body.add("scope", Scopes.format(pair.scopes()));
        }
        return Response.ok(body.build())
                .header("Cache-Control", CacheControl.NO_STORE)
                .header("Pragma", "no-cache");
    }
}
