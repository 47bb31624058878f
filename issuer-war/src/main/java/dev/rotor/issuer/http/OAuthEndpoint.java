package dev.rotor.issuer.http;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The base of the OAuth endpoints (token, revocation, introspection): every error they give, an unavailable back
 * end included, is RFC 6749 §5.2 JSON. They take {@code application/x-www-form-urlencoded} only (RFC 6749 §3.2,
 * RFC 7009, RFC 7662); any other body is a malformed request, answered in the OAuth format rather than with the
 * server's 415.
 */
public abstract class OAuthEndpoint {

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response notAForm() {
        throw OAuthErrorException.invalidRequest("The body must be application/x-www-form-urlencoded");
    }
}
