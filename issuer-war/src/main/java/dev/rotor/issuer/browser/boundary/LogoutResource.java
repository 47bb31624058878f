package dev.rotor.issuer.browser.boundary;

import dev.rotor.issuer.cookies.boundary.CsrfGuard;
import dev.rotor.issuer.cookies.boundary.RefreshCookie;
import dev.rotor.issuer.http.HtmlEndpoint;
import dev.rotor.issuer.http.HtmlPages;
import dev.rotor.issuer.http.MessagePage;
import dev.rotor.issuer.http.Problem;
import dev.rotor.issuer.http.Problems;
import dev.rotor.issuer.revocation.control.SessionTermination;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.logging.Logger;

/**
 * {@code POST /logout} (CSRF token in the form field {@code csrf} or the {@code X-CSRF-Token} header) revokes the
 * refresh cookie's session as {@code /oauth2/revoke} does, clears the cookie and redirects (303) to {@code /login}.
 * If the revocation cannot be recorded it answers 503 and keeps the cookie: no false success.
 * {@code GET /logout} changes nothing: 405 with {@code Allow: POST}.
 */
@Path("logout")
public class LogoutResource implements HtmlEndpoint {

    private static final Logger LOG = Logger.getLogger(LogoutResource.class.getName());

    @Inject
    SessionTermination termination;

    @Inject
    CsrfGuard csrf;

    @Inject
    RefreshCookie refreshCookie;

    @Context
    HttpServletRequest request;

    @GET
    public Response notByGet() {
        return Problems.response(new Problem(405, "Method Not Allowed", "Log out with a POST from the account page."))
                .header("Allow", "POST")
                .build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logoutForm(@FormParam("csrf") String csrfField) {
        return logout(csrfField == null || csrfField.isEmpty() ? request.getHeader(CsrfGuard.HEADER) : csrfField);
    }

    /** A script's logout: no form, the token in the header. */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Response logoutScript() {
        return logout(request.getHeader(CsrfGuard.HEADER));
    }

    private Response logout(String submittedToken) {
        csrf.verify(request, submittedToken);
        refreshCookie.held(request).ifPresent(termination::endByRefreshToken);
        LOG.info("ROTOR-B103 browser logout: the cookie's session is ended and the cookie cleared");
        return HtmlPages.seeOther("/login").header("Set-Cookie", refreshCookie.clear()).build();
    }

    /** The session could not be ended: the cookie stays, and the page says so. */
    @Override
    public String unavailablePage() {
        return new MessagePage("Not logged out",
                "Logging out is not possible right now; you are still signed in. Please try again shortly.").render();
    }
}
