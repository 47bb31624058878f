package dev.rotor.issuer.users.control;

import dev.rotor.issuer.users.entity.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.rotor.issuer.secrets.RandomTokens;

import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Creates the first user, {@value #ADMIN} in group {@value Roles#ADMIN}, when the user store is empty. The
 * password is the configured one, or else a generated one that is logged once, by the one instance that created
 * the user: creation is create-if-absent, so instances starting together create it once.
 */
@ApplicationScoped
public class AdminBootstrap {

    public static final String ADMIN = "admin";

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());
    private static final int GENERATED_BYTES = 24;

    private final UserStore users;

    @Inject
    public AdminBootstrap(UserStore users) {
        this.users = users;
    }

    protected AdminBootstrap() {
        this.users = null;
    }

    /**
     * Creates {@value #ADMIN} if there is no user yet.
     *
     * @param configuredPassword the password to give it (e.g. from {@code ROTOR_ADMIN_PASSWORD}), or empty to
     *                           generate one and log it
     * @return whether this call created the user
     */
    public boolean ensureAdmin(Optional<String> configuredPassword) {
        if (!users.isEmpty()) {
            return false;
        }
        char[] password = configuredPassword.map(String::toCharArray).orElseGet(this::generatedPassword);
        if (!users.create(ADMIN, password, Set.of(Roles.ADMIN))) {
            return false;
        }
        if (configuredPassword.isPresent()) {
            LOG.info("ROTOR-U101 created user '" + ADMIN + "' in group '" + Roles.ADMIN
                    + "' with the configured password");
        } else {
            LOG.warning("ROTOR-U102 ===== generated password for user '" + ADMIN + "': " + new String(password)
                    + " (set ROTOR_ADMIN_PASSWORD to choose one) =====");
        }
        return true;
    }

    private char[] generatedPassword() {
        return RandomTokens.base64url(GENERATED_BYTES).toCharArray();
    }
}
