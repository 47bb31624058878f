package dev.rotor.issuer.http;

import dev.rotor.issuer.http.Html;

/**
 * A page that says one thing and links back to the sign-in form: refused requests and outages.
 *
 * @param title   plain text
 * @param message plain text
 */
public record MessagePage(String title, String message) {

    public String render() {
        return Html.document(title, "", "<h1>" + Html.escape(title) + "</h1>\n<p role=\"alert\">"
                + Html.escape(message) + "</p>\n<p><a href=\"/login\">Sign in</a></p>\n");
    }
}
