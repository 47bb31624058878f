package dev.rotor.issuer.tokens.boundary;

import dev.rotor.issuer.tokens.control.PasswordGrant;
import dev.rotor.issuer.tokens.control.RefreshGrant;
import dev.rotor.issuer.tokens.entity.OAuthErrorException;
import dev.rotor.issuer.tokens.entity.TokenPair;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.time.Duration;
import java.time.Instant;

/** {@code POST /oauth2/token} (RFC 6749): the password and refresh-token grants. */
@Path("oauth2/token")
public class TokenResource {

    @Inject
    PasswordGrant passwords;

    @Inject
    RefreshGrant refreshes;

    @Inject
    Unavailability unavailability;

    @Context
    HttpServletRequest request;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(MultivaluedMap<String, String> form) {
        FormParameters parameters = new FormParameters(form);
        String grantType = parameters.required("grant_type");
        TokenPair pair = switch (grantType) {
            case "password" -> unavailability.guard(() -> passwords.login(parameters.required("username"),
                    parameters.required("password"), parameters.optional("client_id").orElse(""),
                    request.getRemoteAddr()));
            case "refresh_token" -> unavailability.guard(() -> refreshes.refresh(parameters.required("refresh_token")));
            default -> throw OAuthErrorException.unsupportedGrantType();
        };
        return Response.ok(Json.createObjectBuilder()
                        .add("access_token", pair.access().value())
                        .add("token_type", "Bearer")
                        .add("expires_in", Math.max(0, Duration.between(Instant.now(), pair.access().expiresAt())
                                .toSeconds()))
                        .add("refresh_token", pair.refreshToken())
                        .build())
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .build();
    }

    /** Anything but a form is a malformed token request, answered in the OAuth format rather than with 415. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response notAForm() {
        throw OAuthErrorException.invalidRequest("The body must be application/x-www-form-urlencoded");
    }
}
