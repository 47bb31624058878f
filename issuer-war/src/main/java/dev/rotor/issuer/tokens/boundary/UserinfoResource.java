package dev.rotor.issuer.tokens.boundary;

import dev.rotor.issuer.http.BearerRealm;
import dev.rotor.filter.authentication.JwtPrincipal;
import dev.rotor.filter.verification.VerifiedToken;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code GET /userinfo}: who the bearer token says the caller is. Any authenticated caller; web.xml requires
 * authentication on this path, so the filter-jar's mechanism answers a missing or bad token.
 */
@Path("userinfo")
public class UserinfoResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response userinfo(@Context SecurityContext security) {
        if (!(security.getUserPrincipal() instanceof JwtPrincipal principal)) {
            throw new NotAuthorizedException("Bearer realm=\"" + BearerRealm.NAME + "\"");
        }
        VerifiedToken token = principal.token();
        JsonObject body = Json.createObjectBuilder()
                .add("sub", token.subject())
                .add("groups", Json.createArrayBuilder(token.groups()))
                .add("exp", token.expiresAt().getEpochSecond())
                .build();
        return Response.ok(body).build();
    }
}
