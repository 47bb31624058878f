package dev.rotor.issuer.browser.boundary;

import dev.rotor.issuer.cookies.boundary.CsrfGuard;
import dev.rotor.issuer.cookies.boundary.RefreshCookie;
import dev.rotor.issuer.cookies.control.BrowserCookies;
import dev.rotor.issuer.http.HtmlEndpoint;
import dev.rotor.issuer.http.HtmlPages;
import dev.rotor.issuer.http.MessagePage;
import dev.rotor.issuer.sessions.control.RefreshSessions;
import dev.rotor.issuer.sessions.entity.SessionInfo;
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
public class AccountResource implements HtmlEndpoint {

    @Inject
    CsrfGuard csrf;

    @Inject
    RefreshCookie refreshCookie;

    @Inject
    RefreshSessions sessions;

    @Context
    HttpServletRequest request;

    @GET
    public Response account() {
        CsrfGuard.CsrfToken token = csrf.current(request);
        String subject = refreshCookie.held(request).flatMap(sessions::holderOf).map(SessionInfo::subject)
                .orElse(null);
        Response.ResponseBuilder response = HtmlPages.page(200, new AccountPage(token.value(), subject).render());
        if (token.minted()) {
            response.header("Set-Cookie", BrowserCookies.csrf(token.value()));
        }
        return response.build();
    }

    @Override
    public String unavailablePage() {
        return new MessagePage("Try again shortly", "Your session cannot be checked right now.").render();
    }
}
