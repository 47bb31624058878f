package dev.rotor.issuer.browser.boundary;

import dev.rotor.issuer.http.Html;

/**
 * The landing page after login: who is signed in, in {@code #who}, and a logout button. It holds no token but the
 * CSRF token, in the logout form and in a meta element for same-origin scripts that refresh with the cookie.
 *
 * @param csrfToken the CSRF token
 * @param subject   who the refresh cookie's session belongs to, or {@code null} when there is no live session
 */
record AccountPage(String csrfToken, String subject) {

    String render() {
        if (subject == null) {
            return Html.document("Your account", "", """
                    <h1>Your account</h1>
                    <p id="status">You are not signed in. <a href="/login">Sign in</a></p>
                    """);
        }
        String token = Html.escape(csrfToken);
        String head = "<meta name=\"rotor-csrf\" content=\"" + token + "\">\n";
        return Html.document("Your account", head, """
                <h1>Your account</h1>
                <p id="status">Signed in as <strong id="who">%s</strong></p>
                <form id="logout" method="post" action="/logout">
                <input type="hidden" name="csrf" value="%s">
                <button type="submit">Log out</button>
                </form>
                """.formatted(Html.escape(subject), token));
    }
}
