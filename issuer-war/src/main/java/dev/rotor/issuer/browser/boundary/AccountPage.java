package dev.rotor.issuer.browser.boundary;

/**
 * The landing page after login. Who is signed in is filled in by {@code /login/app.js}: it refreshes with the cookie,
 * asks {@code /userinfo}, and shows the subject in {@code #who}, or a link to sign in if the session is gone. The page
 * itself holds no token but the CSRF token, in a meta element for the script and in the logout form.
 *
 * @param csrfToken the CSRF token
 * @param signedIn  whether the browser sent a refresh cookie at all
 */
record AccountPage(String csrfToken, boolean signedIn) {

    String render() {
        if (!signedIn) {
            return Html.document("Your account", "", """
                    <h1>Your account</h1>
                    <p id="status">You are not signed in. <a href="/login">Sign in</a></p>
                    """);
        }
        String token = Html.escape(csrfToken);
        String head = "<meta name=\"rotor-csrf\" content=\"" + token + "\">\n"
                + "<script src=\"/login/app.js\" defer></script>\n";
        return Html.document("Your account", head, """
                <h1>Your account</h1>
                <p id="status" role="status" aria-live="polite">Checking who is signed in…</p>
                <form id="logout" method="post" action="/logout">
                <input type="hidden" name="csrf" value="%s">
                <button type="submit">Log out</button>
                </form>
                """.formatted(token));
    }
}
