package dev.rotor.issuer.browser.boundary;

import dev.rotor.issuer.browser.control.BrowserLogin;
import dev.rotor.issuer.browser.control.SafeRedirect;
import dev.rotor.issuer.cookies.boundary.CsrfGuard;
import dev.rotor.issuer.cookies.boundary.RefreshCookie;
import dev.rotor.issuer.cookies.control.BrowserCookies;
import dev.rotor.issuer.http.HtmlEndpoint;
import dev.rotor.issuer.http.HtmlPages;
import dev.rotor.issuer.tokens.entity.GrantResult;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /login} shows the sign-in form; {@code POST /login} checks CSRF, logs in with the token endpoint's
 * rules, puts the new session's refresh token into the {@code __Host-} cookie and redirects (303) to {@code next} if
 * it is a safe same-origin path, else to {@code /account}.
 */
@Path("login")
public class LoginResource implements HtmlEndpoint {

    @Inject
    BrowserLogin login;

    @Inject
    CsrfGuard csrf;

    @Inject
    RefreshCookie refreshCookie;

    @Context
    HttpServletRequest request;

    @GET
    public Response form(@QueryParam("next") String next) {
        CsrfGuard.CsrfToken token = csrf.current(request);
        String html = LoginPage.blank(token.value(), safeOrEmpty(next)).render();
        return withCsrfCookie(HtmlPages.page(200, html), token).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(@FormParam("username") String username, @FormParam("password") String password,
                           @FormParam("csrf") String csrfField, @FormParam("next") String next) {
        csrf.verify(request, csrfField);
        CsrfGuard.CsrfToken token = csrf.current(request);
        if (isEmpty(username) || isEmpty(password)) {
            return failure(400, LoginPage.FAILED, token, username, next).build();
        }
        GrantResult result = login.login(username, password, request.getRemoteAddr(), refreshCookie.held(request));
        if (result instanceof GrantResult.Granted granted) {
            return HtmlPages.seeOther(SafeRedirect.target(next))
                    .header("Set-Cookie", refreshCookie.set(granted.tokens().refreshToken()))
                    .header("Set-Cookie", BrowserCookies.csrf(csrf.mint().value()))
                    .build();
        }
        if (result instanceof GrantResult.Throttled throttled) {
            return failure(429, LoginPage.THROTTLED, token, username, next)
                    .header("Retry-After", Math.max(1, throttled.retryAfter().toSeconds()))
                    .build();
        }
        return failure(400, LoginPage.FAILED, token, username, next).build();
    }

    @Override
    public String unavailablePage() {
        return new LoginPage(csrf.current(request).value(), "", "", LoginPage.UNAVAILABLE).render();
    }

    private static Response.ResponseBuilder failure(int status, String message, CsrfGuard.CsrfToken token,
                                                    String username, String next) {
        String shownName = username == null || username.length() > 256 ? "" : username;
        return withCsrfCookie(HtmlPages.page(status,
                new LoginPage(token.value(), safeOrEmpty(next), shownName, message).render()), token);
    }

    private static Response.ResponseBuilder withCsrfCookie(Response.ResponseBuilder response,
                                                           CsrfGuard.CsrfToken token) {
        return token.minted() ? response.header("Set-Cookie", BrowserCookies.csrf(token.value())) : response;
    }

    private static String safeOrEmpty(String next) {
        return SafeRedirect.isSafe(next) ? next : "";
    }

    private static boolean isEmpty(String value) {
        return value == null || value.isEmpty();
    }
}
