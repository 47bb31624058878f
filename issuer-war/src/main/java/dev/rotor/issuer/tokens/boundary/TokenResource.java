package dev.rotor.issuer.tokens.boundary;

import dev.rotor.issuer.browser.boundary.RefreshCookie;
import dev.rotor.issuer.tokens.control.PasswordGrant;
import dev.rotor.issuer.tokens.control.RefreshGrant;
import dev.rotor.issuer.tokens.entity.OAuthErrorException;
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
public class TokenResource extends FormEndpoint {

    @Inject
    PasswordGrant passwords;

    @Inject
    RefreshGrant refreshes;

    @Inject
    Unavailability unavailability;

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
        TokenPair pair = switch (grantType) {
            case "password" -> unavailability.guard(() -> passwords.login(parameters.required("username"),
                    parameters.required("password"), parameters.optional("client_id").orElse(""),
                    request.getRemoteAddr()));
            case "refresh_token" -> unavailability.guard(() -> refreshes.refresh(parameters.required("refresh_token")));
            default -> throw OAuthErrorException.unsupportedGrantType();
        };
        return answer(pair, true).build();
    }

    private Response refreshFromCookie() {
        String refreshToken = refreshCookie.presented(request)
                .orElseThrow(() -> OAuthErrorException.invalidRequest("Missing parameter refresh_token"));
        TokenPair pair = unavailability.guard(() -> refreshes.refresh(refreshToken));
        return answer(pair, false).header("Set-Cookie", refreshCookie.set(pair.refreshToken())).build();
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
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache");
    }
}
