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
     * Jersey would turn a relative {@code Location} into an absolute URL built from the request's {@code Host}
     * header, which a client chooses: every {@code Location} stays exactly as the resource wrote it, a relative
     * reference or a URL built from {@code rotor.issuer}.
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.headers.location.relative.resolution.disabled", true);
    }
}
