package dev.rotor.issuer.tokens.boundary;

import dev.rotor.issuer.cookies.boundary.RefreshCookie;
import dev.rotor.issuer.http.CacheControl;
import dev.rotor.issuer.http.FormParameters;
import dev.rotor.issuer.http.OAuthEndpoint;
import dev.rotor.issuer.http.OAuthErrorException;
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

/**
 * {@code POST /oauth2/token} (RFC 6749): the password and refresh-token grants. A browser app refreshes without a
 * {@code refresh_token} field: the token comes from the {@code __Host-} refresh cookie (with the CSRF header), and the
 * rotated one goes back into the cookie instead of the JSON body.
 */
@Path("oauth2/token")
public class TokenResource extends OAuthEndpoint {

    @Inject
    PasswordGrant passwords;

    @Inject
    RefreshGrant refreshes;

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
        if (grantType.equals("refresh_token") && parameters.optional("refresh_token").isEmpty()) {
            return refreshFromCookie();
        }
        GrantResult result = switch (grantType) {
            case "password" -> passwords.login(parameters.required("username"), parameters.required("password"),
                    parameters.optional("client_id").orElse(""), request.getRemoteAddr());
            case "refresh_token" -> refreshes.refresh(parameters.required("refresh_token"));
            default -> throw OAuthErrorException.unsupportedGrantType();
        };
        return answer(granted(result), true).build();
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
        return Response.ok(body.build())
                .header("Cache-Control", CacheControl.NO_STORE)
                .header("Pragma", "no-cache");
    }
}
