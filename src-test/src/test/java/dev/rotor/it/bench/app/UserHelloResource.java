package dev.rotor.it.bench.app;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@link HelloResource} for role {@code user}, so the container refuses a request without a caller: how the
 * mechanism and MP-JWT protect an endpoint (MP-JWT refuses web.xml security constraints beside {@code @LoginConfig}).
 */
@Path("hello")
@RolesAllowed("user")
public class UserHelloResource {

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String hello() {
        return "hello";
    }
}
