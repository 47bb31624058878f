package dev.rotor.issuer.browser.boundary;

import dev.rotor.issuer.http.Html;
import dev.rotor.issuer.users.control.PasswordHasher;

/**
 * The sign-in form. After a failed attempt it shows one message, announced by screen readers through
 * {@code role="alert"}, and keeps the username (never the password).
 *
 * @param csrfToken the token the form posts back, equal to the CSRF cookie
 * @param next      where to go after signing in, already checked as safe, or empty
 * @param username  the username to fill in, or empty
 * @param message   the one message to show, or empty
 */
record LoginPage(String csrfToken, String next, String username, String message) {

    static final String FAILED = "The username or password is incorrect.";
    static final String THROTTLED = "Too many failed attempts. Please wait a few minutes and try again.";
    static final String UNAVAILABLE = "Signing in is not possible right now. Please try again shortly.";
    static final String FORBIDDEN = "This form has expired. Please sign in again.";

    static LoginPage blank(String csrfToken, String next) {
        return new LoginPage(csrfToken, next, "", "");
    }

    String render() {
        boolean failed = message != null && !message.isEmpty();
        String described = failed ? " aria-describedby=\"login-error\" aria-invalid=\"true\"" : "";
        StringBuilder main = new StringBuilder("<h1>Sign in</h1>\n");
        if (failed) {
            main.append("<p id=\"login-error\" class=\"error\" role=\"alert\">").append(Html.escape(message))
                    .append("</p>\n");
        }
        main.append("<form method=\"post\" action=\"/login\">\n")
                .append("<input type=\"hidden\" name=\"csrf\" value=\"").append(Html.escape(csrfToken)).append("\">\n");
        if (next != null && !next.isEmpty()) {
            main.append("<input type=\"hidden\" name=\"next\" value=\"").append(Html.escape(next)).append("\">\n");
        }
        main.append("<label for=\"username\">Username</label>\n")
                .append("<input id=\"username\" name=\"username\" type=\"text\" autocomplete=\"username\"")
                .append(" autocapitalize=\"none\" spellcheck=\"false\" required maxlength=\"256\" value=\"")
                .append(Html.escape(username)).append("\"").append(described).append(">\n")
                .append("<label for=\"password\">Password</label>\n")
                .append("<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\"")
                .append(" required maxlength=\"" + PasswordHasher.MAX_LENGTH + "\"").append(described).append(">\n")
                .append("<button type=\"submit\">Sign in</button>\n")
                .append("</form>\n");
        return Html.document("Sign in", "", main.toString());
    }
}
