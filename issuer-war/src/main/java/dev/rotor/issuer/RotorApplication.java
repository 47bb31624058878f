package dev.rotor.issuer;

import dev.rotor.issuer.users.entity.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Map;

/** The issuer's JAX-RS application, at the root of the context, and the roles its resources require. */
@ApplicationPath("/")
@DeclareRoles({Roles.ADMIN, Roles.INTROSPECT})
public class RotorApplication extends Application {

    /**
     * Jersey's switch that keeps a relative {@code Location} relative; otherwise Jersey resolves it against the
     * request's {@code Host} header, which a client controls.
     */
    static final String KEEP_LOCATION_RELATIVE = "jersey.config.server.headers.location.relative.resolution.disabled";

    @Override
    public Map<String, Object> getProperties() {
        return Map.of(KEEP_LOCATION_RELATIVE, true);
    }
}
