package dev.rotor.issuer.http;

import jakarta.ws.rs.core.Response;

/** A resource that answers browsers with HTML pages, so an unavailable back end is an HTML page too. */
public interface HtmlEndpoint {

    /** The page that says this request could not be done now; status, headers and {@code Retry-After} are added. */
    String unavailablePage();
}
