package dev.rotor.issuer.browser.boundary;

import dev.rotor.issuer.cookies.control.CsrfRejectedException;
import dev.rotor.issuer.http.HtmlPages;
import dev.rotor.issuer.http.MessagePage;
import dev.rotor.issuer.http.Problem;
import dev.rotor.issuer.http.Problems;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A request that failed the CSRF check: 403, as a small HTML page for a browser navigating (a form post), else as a
 * problem. Why it failed is logged, not told.
 */
@Provider
public class CsrfRejectedMapper implements ExceptionMapper<CsrfRejectedException> {

    static final String DETAIL = "The request was refused by the cross-site request forgery check.";

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(CsrfRejectedException exception) {
        if (wantsHtml()) {
            return HtmlPages.page(403, new MessagePage("Request refused", LoginPage.FORBIDDEN).render()).build();
        }
        return Problems.response(new Problem(403, "Forbidden", DETAIL)).build();
    }

    private boolean wantsHtml() {
        return headers != null && headers.getAcceptableMediaTypes().stream()
                .anyMatch(type -> !type.isWildcardType() && !type.isWildcardSubtype()
                        && type.isCompatible(MediaType.TEXT_HTML_TYPE));
    }
}
