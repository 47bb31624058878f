package dev.rotor.issuer.tokens.boundary;

import dev.rotor.issuer.tokens.entity.OAuthErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The OAuth endpoints take {@code application/x-www-form-urlencoded} only (RFC 6749 §3.2, RFC 7009, RFC 7662).
 * Any other body is a malformed request, answered in the OAuth error format rather than with the server's 415.
 */
public abstract class FormEndpoint {

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response notAForm() {
        throw OAuthErrorException.invalidRequest("The body must be application/x-www-form-urlencoded");
    }
}
