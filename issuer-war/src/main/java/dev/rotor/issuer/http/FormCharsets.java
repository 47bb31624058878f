package dev.rotor.issuer.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

/**
 * Bodies are UTF-8 (or plain ASCII). A request that declares any other {@code charset} would make the server's
 * entity reader fail with an unsupported charset, a 500: it is refused here, before anything reads the body, with
 * a 400 in the format of the endpoint that was called.
 */
@Provider
public class FormCharsets implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(FormCharsets.class.getName());

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        String charset = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset == null || isUtf8(charset)) {
            return;
        }
        LOG.fine("ROTOR-H401 request refused: a body charset other than UTF-8");
        Class<?> endpoint = resource == null ? null : resource.getResourceClass();
        if (endpoint != null && OAuthEndpoint.class.isAssignableFrom(endpoint)) {
            throw OAuthErrorException.invalidRequest("The body must be UTF-8");
        }
        if (endpoint != null && HtmlEndpoint.class.isAssignableFrom(endpoint)) {
            request.abortWith(HtmlPages.page(400, new MessagePage("Request refused",
                    "This form could not be read. Please go back and try again.").render()).build());
            return;
        }
        throw ProblemException.badRequest("The body must be UTF-8");
    }

    private static boolean isUtf8(String charset) {
        String name = charset.strip();
        return name.equalsIgnoreCase(StandardCharsets.UTF_8.name()) || name.equalsIgnoreCase("utf8")
                || name.equalsIgnoreCase(StandardCharsets.US_ASCII.name());
    }
}
