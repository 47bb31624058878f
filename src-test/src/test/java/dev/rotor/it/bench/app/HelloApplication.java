package dev.rotor.it.bench.app;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JAX-RS application of the unprotected, the filter and the mechanism variants. */
@ApplicationPath("/api")
@DeclareRoles("user")
public class HelloApplication extends Application {
}
