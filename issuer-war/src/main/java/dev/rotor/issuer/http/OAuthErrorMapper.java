package dev.rotor.issuer.http;

import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** RFC 6749 §5.2: {@code {"error": …, "error_description": …}}, never cached. */
@Provider
public class OAuthErrorMapper implements ExceptionMapper<OAuthErrorException> {

    @Override
    public Response toResponse(OAuthErrorException exception) {
        Response.ResponseBuilder response = error(exception.status(), exception.error(), exception.description());
        exception.challenge().ifPresent(challenge -> response.header("WWW-Authenticate", challenge));
        exception.retryAfter().ifPresent(wait -> response.header("Retry-After", Math.max(1, wait.toSeconds())));
        return response.build();
    }

    static Response.ResponseBuilder error(int status, String error, String description) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", CacheControl.NO_STORE)
                .header("Pragma", "no-cache")
                .entity(Json.createObjectBuilder()
                        .add("error", error)
                        .add("error_description", description)
                        .build());
    }
}
