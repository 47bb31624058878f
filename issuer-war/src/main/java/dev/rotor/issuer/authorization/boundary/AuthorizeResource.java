package dev.rotor.issuer.authorization.boundary;

import dev.rotor.issuer.authorization.control.Authorizations;
import dev.rotor.issuer.authorization.entity.AuthorizationOutcome;
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

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /oauth2/authorize} (and {@code POST} with a form, as OpenID Connect allows): the authorization
 * endpoint. Problems with the client or its redirect URI are shown on an issuer page; later ones go back to the
 * client. A browser that is not signed in goes to the login page with only an opaque id of the waiting request, and
 * comes back here with it ({@code ?authz=…}) after signing in.
 */
@Path("oauth2/authorize")
public class AuthorizeResource implements HtmlEndpoint {

    static final String PENDING = "authz";
    private static final String TITLE = "Sign-in request refused";

    @Inject
    Authorizations authorizations;

    @Inject
    BrowserSessions browsers;

    @Context
    UriInfo uri;

    @Context
    HttpServletRequest request;

    @GET
    public Response authorize() {
        Map<String, List<String>> query;
        try {
            query = uri.getQueryParameters(true);
        } catch (IllegalArgumentException e) {
            return ProblemPage.badRequest(TITLE, "The sign-in request is not a well-formed URL.");
        }
        return answer(query);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response authorizeForm(MultivaluedMap<String, String> form) {
        return answer(form);
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response notAForm() {
        return ProblemPage.badRequest(TITLE, "A sign-in request by POST must be a form.");
    }

    private Response answer(Map<String, List<String>> parameters) {
        List<String> pending = parameters.get(PENDING);
        boolean resumed = parameters.size() == 1 && pending != null && pending.size() == 1;
        AuthorizationOutcome outcome = resumed
                ? authorizations.resume(pending.get(0), browsers.of(request))
                : authorizations.authorize(parameters, browsers.of(request));
        if (outcome instanceof AuthorizationOutcome.BackToClient back) {
            // back from the login form: a redirect would be blocked by the login page's form-action
            return resumed ? ContinuePage.to(back.location())
                    : HtmlPages.secured(Response.status(Response.Status.FOUND).location(back.location())).build();
        }
        if (outcome instanceof AuthorizationOutcome.SignIn signIn) {
            String next = "/oauth2/authorize?" + PENDING + "=" + signIn.pendingId();
            return HtmlPages.seeOther("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)).build();
        }
        return ProblemPage.badRequest(TITLE, ((AuthorizationOutcome.ShowProblem) outcome).problem());
    }

    @Override
    public String unavailablePage() {
        return ProblemPage.render("Try again shortly", "Signing in is not possible right now. Please try again shortly.");
    }
}
