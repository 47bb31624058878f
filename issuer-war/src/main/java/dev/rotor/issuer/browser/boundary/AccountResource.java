package dev.rotor.issuer.browser.boundary;

import dev.rotor.issuer.browser.control.BrowserCookies;
import dev.rotor.issuer.tokens.boundary.Unavailability;
import dev.rotor.issuer.tokens.control.RefreshSessions;
import dev.rotor.issuer.tokens.entity.OAuthErrorException;
import dev.rotor.issuer.tokens.entity.SessionInfo;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /account}: the landing page that shows who is signed in and offers logout. It reads the session without
 * rotating its refresh token, so reloads and several tabs never look like refresh-token reuse. It changes nothing.
 */
@Path("account")
public class AccountResource {

    @Inject
    CsrfGuard csrf;

    @Inject
    RefreshCookie refreshCookie;

    @Inject
    RefreshSessions sessions;

    @Inject
    Unavailability unavailability;

    @Context
    HttpServletRequest request;

    @GET
    public Response account() {
        CsrfGuard.CsrfToken token = csrf.current(request);
        String subject;
        try {
            subject = unavailability.guard(() -> refreshCookie.held(request).flatMap(sessions::holderOf)
                    .map(SessionInfo::subject).orElse(null));
        } catch (OAuthErrorException e) {
            return HtmlResponses.page(e.status(), new MessagePage("Try again shortly",
                    "Your session cannot be checked right now.").render()).build();
        }
        Response.ResponseBuilder response = HtmlResponses.page(200, new AccountPage(token.value(), subject).render());
        if (token.minted()) {
            response.header("Set-Cookie", BrowserCookies.csrf(token.value()));
        }
        return response.build();
    }
}
