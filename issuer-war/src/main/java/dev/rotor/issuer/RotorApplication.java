package dev.rotor.issuer;

import dev.rotor.issuer.users.entity.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The issuer's JAX-RS application, at the root of the context, and the roles its resources require. */
@ApplicationPath("/")
@DeclareRoles({Roles.ADMIN, Roles.INTROSPECT})
public class RotorApplication extends Application {
}
