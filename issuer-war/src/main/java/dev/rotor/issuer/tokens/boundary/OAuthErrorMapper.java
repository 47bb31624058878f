package dev.rotor.issuer.tokens.boundary;

import dev.rotor.issuer.tokens.entity.OAuthErrorException;

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
        Response.ResponseBuilder response = Response.status(exception.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .entity(Json.createObjectBuilder()
                        .add("error", exception.error())
                        .add("error_description", exception.description())
                        .build());
        if (exception.retryAfter() != null) {
            response.header("Retry-After", Math.max(1, exception.retryAfter().toSeconds()));
        }
        return response.build();
    }
}
