package dev.rotor.it.bench.app;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The same application verified by Payara's built-in MicroProfile JWT. Without {@code @ApplicationScoped} Payara
 * silently installs no mechanism under annotated bean discovery.
 */
@ApplicationScoped
@ApplicationPath("/api")
@DeclareRoles("user")
@LoginConfig(authMethod = "MP-JWT")
public class MpJwtApplication extends Application {
}
