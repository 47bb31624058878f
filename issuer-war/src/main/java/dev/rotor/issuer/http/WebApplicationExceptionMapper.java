package dev.rotor.issuer.http;

import dev.rotor.filter.problem.Problem;
import jakarta.ws.rs.WebApplicationException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * JAX-RS's own errors (404, 405, 406, 415, …) as problem details instead of the server's HTML pages. A 403 from
 * {@code @RolesAllowed} carries the RFC 6750 {@code insufficient_scope} challenge, as the filter-jar's answers do.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    HttpServletResponse servletResponse;

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        if (servletResponse != null && servletResponse.isCommitted()) {
            // the authentication mechanism has already sent its challenge; a body now would corrupt the connection
            return Response.status(original.getStatus()).build();
        }
        Response.ResponseBuilder response = Problems.response(
                new Problem(original.getStatus(), original.getStatusInfo().getReasonPhrase(), null));
        if (original.getStatus() == 403) {
            response.header("WWW-Authenticate", "Bearer realm=\"" + RotorApplication.REALM + "\", error=\"insufficient_scope\"");
        }
        original.getHeaders().forEach((name, values) -> {
            if (name.equalsIgnoreCase("Allow") || name.equalsIgnoreCase("WWW-Authenticate")) {
                values.forEach(value -> response.header(name, value));
            }
        });
        return response.build();
    }
}
