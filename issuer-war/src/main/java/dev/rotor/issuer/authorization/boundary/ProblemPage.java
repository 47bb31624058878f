package dev.rotor.issuer.authorization.boundary;

import dev.rotor.issuer.http.Html;
import dev.rotor.issuer.http.HtmlPages;
import jakarta.ws.rs.core.Response;

/** The issuer's own page for a sign-in or sign-out request it cannot send back: the browser stays here. */
final class ProblemPage {

    private ProblemPage() {
    }

    /** 400 with {@code problem}, a fixed sentence of ours, never input. */
    static Response badRequest(String title, String problem) {
        return HtmlPages.page(400, render(title, problem)).build();
    }

    static String render(String title, String problem) {
        return Html.document(title, "", "<h1>" + Html.escape(title) + "</h1>\n<p role=\"alert\" id=\"problem\">"
                + Html.escape(problem) + "</p>\n");
    }
}
