package dev.rotor.issuer.http;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The issuer's JAX-RS application, at the root of the context. */
@ApplicationPath("/")
@DeclareRoles({RotorApplication.ADMIN_ROLE, RotorApplication.INTROSPECT_ROLE})
public class RotorApplication extends Application {

    public static final String ADMIN_ROLE = "rotor-admin";
    public static final String INTROSPECT_ROLE = "rotor-introspect";
    /** The realm of the issuer's bearer challenges. */
    public static final String REALM = "rotor";
}
