package dev.rotor.issuer.admin.control;

import dev.rotor.issuer.availability.RedisUnavailableException;
import dev.rotor.issuer.users.control.AdminBootstrap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.util.logging.Logger;

/**
 * On the first start with no users, creates {@code admin} in group {@code rotor-admin}, with the password of
 * {@code rotor.admin.password} ({@code ROTOR_ADMIN_PASSWORD}) or a generated one that is logged once. The password
 * is read here and nowhere else, so it never sits in a configuration record that could be printed.
 */
@ApplicationScoped
public class FirstAdmin {

    static final String ADMIN_PASSWORD = "rotor.admin.password";
    private static final Logger LOG = Logger.getLogger(FirstAdmin.class.getName());

    @Inject
    AdminBootstrap bootstrap;

    @Inject
    Config config;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        try {
            bootstrap.ensureAdmin(config.getOptionalValue(ADMIN_PASSWORD, String.class));
        } catch (RedisUnavailableException e) {
            LOG.warning("ROTOR-U103 Redis unavailable at start: the admin user is created on the next start if missing");
        }
    }
}
