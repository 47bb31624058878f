package dev.rotor.it.sample;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

@Path("secure")
public class SecureResource {

    @GET
    @RolesAllowed("admin")
    @Produces(MediaType.TEXT_PLAIN)
    public String secure(@Context SecurityContext security) {
        return "secure:" + security.getUserPrincipal().getName() + ":admin=" + security.isUserInRole("admin");
    }
}
