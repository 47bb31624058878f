package dev.rotor.issuer.http;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * JAX-RS's own errors (404, 405, 406, 415, …) as problem details instead of the server's HTML pages. The
 * filter-jar's mechanism adds the bearer challenges of 401 and 403 as headers.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        Response.ResponseBuilder response = Problems.response(
                new Problem(original.getStatus(), original.getStatusInfo().getReasonPhrase(), null));
        original.getHeaders().forEach((name, values) -> {
            if (name.equalsIgnoreCase("Allow") || name.equalsIgnoreCase("WWW-Authenticate")) {
                values.forEach(value -> response.header(name, value));
            }
        });
        return response.build();
    }
}
