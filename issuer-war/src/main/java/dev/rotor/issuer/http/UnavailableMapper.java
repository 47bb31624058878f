package dev.rotor.issuer.http;

import dev.rotor.issuer.availability.BackendUnavailableException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.List;
import java.util.logging.Logger;

/**
 * The one answer to "a back end is unavailable": 503 with {@code Retry-After}, in the format of the endpoint that
 * was called: RFC 6749 JSON ({@code temporarily_unavailable}) for the OAuth endpoints, an HTML page for browser
 * pages, and an RFC 9457 problem everywhere else.
 */
@Provider
public class UnavailableMapper implements ExceptionMapper<BackendUnavailableException> {

    private static final Logger LOG = Logger.getLogger(UnavailableMapper.class.getName());

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(BackendUnavailableException exception) {
        LOG.warning(() -> "ROTOR-T104 request refused, a back end is unavailable: " + exception.backend());
        List<Object> matched = uri.getMatchedResources();
        Object resource = matched.isEmpty() ? null : matched.get(0);
        Response.ResponseBuilder response;
        if (resource instanceof OAuthEndpoint) {
            response = OAuthErrorMapper.error(503, "temporarily_unavailable",
                    "The service cannot record this now. Retry shortly.");
        } else if (resource instanceof HtmlEndpoint html) {
            response = HtmlPages.page(503, html.unavailablePage());
        } else {
            response = Problems.response(new Problem(503, "Service Unavailable",
                    "A back end is unavailable; nothing was changed. Try again shortly."));
        }
        return response.header("Retry-After", BackendUnavailableException.RETRY_AFTER.toSeconds()).build();
    }
}
