package dev.rotor.issuer.authorization.boundary;

import dev.rotor.issuer.authorization.control.EndSessions;
import dev.rotor.issuer.authorization.entity.EndSessionOutcome;
import dev.rotor.issuer.http.Html;
import dev.rotor.issuer.cookies.boundary.CsrfGuard;
import dev.rotor.issuer.cookies.boundary.RefreshCookie;
import dev.rotor.issuer.cookies.control.BrowserCookies;
import dev.rotor.issuer.http.HtmlEndpoint;
import dev.rotor.issuer.http.HtmlPages;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;
import java.util.Map;

/**
 * {@code /oauth2/logout}, the {@code end_session_endpoint} (OpenID Connect RP-Initiated Logout 1.0), by
 * {@code GET} or a form {@code POST}. A form that carries {@code csrf} is the user's confirmation from the page this
 * endpoint shows when no valid {@code id_token_hint} came with the request, and must pass the CSRF check.
 */
@Path("oauth2/logout")
public class EndSessionResource implements HtmlEndpoint {

    private static final String TITLE = "Logout request refused";

    @Inject
    EndSessions endSessions;

    @Inject
    BrowserSessions browsers;

    @Inject
    CsrfGuard csrf;

    @Inject
    RefreshCookie refreshCookie;

    @Context
    UriInfo uri;

    @Context
    HttpServletRequest request;

    @GET
    public Response logout() {
        try {
            return answer(endSessions.request(uri.getQueryParameters(true), browsers.of(request)));
        } catch (IllegalArgumentException e) {
            return ProblemPage.badRequest(TITLE, "The logout request is not a well-formed URL.");
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logoutForm(MultivaluedMap<String, String> form) {
        List<String> token = form.get("csrf");
        if (token == null) {
            return answer(endSessions.request(form, browsers.of(request)));
        }
        csrf.verify(request, token.size() == 1 ? token.get(0) : null);
        return answer(endSessions.confirmed(form, browsers.of(request)), true);
    }

    private Response answer(EndSessionOutcome outcome) {
        return answer(outcome, false);
    }

    /** @param fromOurForm the user posted our confirmation form, whose form-action would block a redirect */
    private Response answer(EndSessionOutcome outcome, boolean fromOurForm) {
        if (outcome instanceof EndSessionOutcome.Problem problem) {
            return ProblemPage.badRequest(TITLE, problem.problem());
        }
        if (outcome instanceof EndSessionOutcome.Confirm confirm) {
            return confirmation(confirm);
        }
        EndSessionOutcome.SignedOut out = (EndSessionOutcome.SignedOut) outcome;
        Response.ResponseBuilder response;
        if (out.location() == null) {
            response = HtmlPages.page(200, ProblemPage.render("Signed out", "You are signed out."));
        } else if (fromOurForm) {
            response = Response.fromResponse(ContinuePage.to(out.location()));
        } else {
            response = HtmlPages.secured(Response.status(Response.Status.FOUND).location(out.location()));
        }
        if (out.clearCookie()) {
            response.header("Set-Cookie", refreshCookie.clear());
        }
        return response.build();
    }

    private Response confirmation(EndSessionOutcome.Confirm confirm) {
        CsrfGuard.CsrfToken token = csrf.current(request);
        StringBuilder form = new StringBuilder("<h1>Sign out?</h1>\n<form id=\"logout\" method=\"post\" "
                + "action=\"/oauth2/logout\">\n");
        hidden(form, "csrf", token.value());
        hidden(form, "client_id", confirm.clientId());
        hidden(form, "post_logout_redirect_uri", confirm.postLogoutRedirectUri());
        hidden(form, "state", confirm.state());
        form.append("<button type=\"submit\">Sign out</button>\n</form>\n");
        Response.ResponseBuilder response = HtmlPages.page(200, Html.document("Sign out", "", form.toString()));
        if (token.minted()) {
            response.header("Set-Cookie", BrowserCookies.csrf(token.value()));
        }
        return response.build();
    }

    private static void hidden(StringBuilder form, String name, String value) {
        if (value != null) {
            form.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"")
                    .append(Html.escape(value)).append("\">\n");
        }
    }

    @Override
    public String unavailablePage() {
        return ProblemPage.render("Not signed out", "Signing out is not possible right now; you are still signed in. "
                + "Please try again shortly.");
    }

}
