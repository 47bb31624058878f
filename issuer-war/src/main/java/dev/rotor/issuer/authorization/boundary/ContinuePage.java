package dev.rotor.issuer.authorization.boundary;

import dev.rotor.issuer.http.Html;
import dev.rotor.issuer.http.HtmlPages;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/**
 * Sends the browser on to a client from a page instead of a redirect, where the navigation began with one of our
 * form posts (the login form, the logout confirmation): browsers apply the posting page's CSP
 * {@code form-action 'self'} to every redirect that follows the post, and would block the way back to the client.
 * A {@code refresh} is a new navigation, and the link is there for browsers that do not follow it.
 */
final class ContinuePage {

    private ContinuePage() {
    }

    static Response to(URI location) {
        String target = Html.escape(location.toString());
        String head = "<meta http-equiv=\"refresh\" content=\"0;url=" + target + "\">\n";
        return HtmlPages.page(200, Html.document("Continue", head, "<h1>Continue</h1>\n<p><a id=\"continue\" href=\""
                + target + "\">Continue to the application</a></p>\n")).build();
    }
}
