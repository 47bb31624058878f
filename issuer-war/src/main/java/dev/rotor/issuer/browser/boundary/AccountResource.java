package dev.rotor.issuer.browser.boundary;

import dev.rotor.issuer.browser.control.BrowserCookies;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/** {@code GET /account}: the landing page that shows who is signed in and offers logout. It changes nothing. */
@Path("account")
public class AccountResource {

    @Inject
    CsrfGuard csrf;

    @Inject
    RefreshCookie refreshCookie;

    @Context
    HttpServletRequest request;

    @GET
    public Response account() {
        CsrfGuard.CsrfToken token = csrf.current(request);
        Response.ResponseBuilder response = HtmlResponses.page(200,
                new AccountPage(token.value(), refreshCookie.held(request).isPresent()).render());
        if (token.minted()) {
            response.header("Set-Cookie", BrowserCookies.csrf(token.value()));
        }
        return response.build();
    }
}
