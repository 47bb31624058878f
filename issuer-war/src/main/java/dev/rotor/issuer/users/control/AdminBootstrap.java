package dev.rotor.issuer.users.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Creates the first user, {@value #ADMIN} in group {@value #ADMIN_GROUP}, when the user store is empty. The
 * password is the configured one, or else a generated one that is logged once, by the one instance that created
 * the user: creation is create-if-absent, so instances starting together create it once.
 */
@ApplicationScoped
public class AdminBootstrap {

    public static final String ADMIN = "admin";
    public static final String ADMIN_GROUP = "rotor-admin";

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());
    private static final int GENERATED_BYTES = 24;

    private final UserStore users;
    private final SecureRandom random;

    @Inject
    public AdminBootstrap(UserStore users) {
        this.users = users;
        this.random = new SecureRandom();
    }

    protected AdminBootstrap() {
        this.users = null;
        this.random = null;
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
        if (!users.create(ADMIN, password, Set.of(ADMIN_GROUP))) {
            return false;
        }
        if (configuredPassword.isPresent()) {
            LOG.info("ROTOR-U101 created user '" + ADMIN + "' in group '" + ADMIN_GROUP
                    + "' with the configured password");
        } else {
            LOG.warning("ROTOR-U102 ===== generated password for user '" + ADMIN + "': " + new String(password)
                    + " (set ROTOR_ADMIN_PASSWORD to choose one) =====");
        }
        return true;
    }

    private char[] generatedPassword() {
        byte[] bytes = new byte[GENERATED_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray();
    }
}
