package dev.rotor.issuer.http;

import jakarta.ws.rs.core.Response;

/** Responses of the browser pages, each with the headers that keep them out of caches, frames and other origins. */
public final class HtmlPages {

    public static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; frame-ancestors 'none'; form-action 'self'";
    public static final String HTML = "text/html;charset=UTF-8";

    private HtmlPages() {
    }

    public static Response.ResponseBuilder page(int status, String html) {
        return secured(Response.status(status).type(HTML).entity(html));
    }

    /** A 303 to a path of ours, e.g. after a form post. A relative reference, never built from the request. */
    public static Response.ResponseBuilder seeOther(String path) {
        return secured(Response.status(Response.Status.SEE_OTHER).header("Location", path));
    }

    /**
     * Adds {@code no-store}, the CSP, {@code nosniff} and a {@code same-origin} referrer policy. Not
     * {@code no-referrer}: under it browsers send {@code Origin: null} even on same-origin form posts, which the
     * CSRF check must refuse.
     */
    public static Response.ResponseBuilder secured(Response.ResponseBuilder response) {
        return response.header("Cache-Control", CacheControl.NO_STORE)
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin");
    }
}
