package dev.rotor.issuer.keys.boundary;

import dev.rotor.issuer.http.CacheControl;
import dev.rotor.issuer.keys.control.JwksSnapshots;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code GET /.well-known/jwks.json}: every live public key of every instance (RFC 7517). */
@Path(".well-known/jwks.json")
public class JwksResource {

    @Inject
    JwksSnapshots snapshots;

    @GET
    @Produces({MediaType.APPLICATION_JSON, "application/jwk-set+json"})
    public Response jwks() {
        return Response.ok(snapshots.jwks()).header("Cache-Control", CacheControl.PUBLIC_ONE_MINUTE).build();
    }
}
