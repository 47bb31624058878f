package dev.rotor.issuer.users.control;

import dev.rotor.issuer.availability.RedisUnavailableException;
import dev.rotor.issuer.users.entity.User;
import dev.rotor.issuer.users.entity.Usernames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * The built-in identity store: checks a {@link UsernamePasswordCredential} against {@link UserStore}. An unknown
 * user, a malformed username, a disabled user and a wrong password all give {@code INVALID_RESULT}, and each costs
 * one password verification, so neither the answer nor its timing tells which users exist. Deployments may add
 * LDAP or database stores alongside; login code calls {@code IdentityStoreHandler.validate}.
 * A password that is empty or over {@link PasswordHasher#MAX_LENGTH} is refused without hashing. When Redis is
 * unavailable, {@link RedisUnavailableException} propagates: that is an outage, not a wrong password.
 */
@ApplicationScoped
public class RotorIdentityStore implements IdentityStore {

    private static final Logger LOG = Logger.getLogger(RotorIdentityStore.class.getName());

    private final UserStore users;
    private final PasswordHasher hasher;

    @Inject
    public RotorIdentityStore(UserStore users, PasswordHasher hasher) {
        this.users = users;
        this.hasher = hasher;
    }

    protected RotorIdentityStore() {
        this.users = null;
        this.hasher = null;
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof UsernamePasswordCredential usernamePassword) {
            return validate(usernamePassword);
        }
        return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        try {
            return check(credential.getCaller(), credential.getPassword().getValue());
        } catch (PasswordRejectedException e) {
            LOG.fine("ROTOR-U111 refused a login with an empty or over-long password before hashing");
            return CredentialValidationResult.INVALID_RESULT;
        }
    }

    private CredentialValidationResult check(String username, char[] password) {
        if (!Usernames.isValid(username)) {
            hasher.verifyAgainstDummy(password);
            LOG.fine("ROTOR-U112 refused a login with a malformed username");
            return CredentialValidationResult.INVALID_RESULT;
        }
        Optional<User> found = users.find(username);
        if (found.isEmpty()) {
            hasher.verifyAgainstDummy(password);
            // no name: an unknown "username" is often a password typed into the wrong field
            LOG.fine("ROTOR-U113 refused a login for an unknown user");
            return CredentialValidationResult.INVALID_RESULT;
        }
        User user = found.get();
        boolean matches = hasher.verify(password, user.passwordHash());
        if (!matches || user.disabled()) {
            LOG.fine(() -> "ROTOR-U114 refused a login for user " + username
                    + (matches ? " (disabled)" : " (wrong password)"));
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(user.username(), user.groups());
    }
}
