package dev.rotor.issuer.tokens.control;

import dev.rotor.issuer.operations.control.SecurityEvents;
import dev.rotor.issuer.sessions.control.RefreshSessions;
import dev.rotor.issuer.tokens.entity.AccessToken;
import dev.rotor.issuer.sessions.entity.IssuedSession;
import dev.rotor.issuer.tokens.entity.GrantResult;
import dev.rotor.issuer.tokens.entity.GrantResult.Refusal;
import dev.rotor.issuer.tokens.entity.TokenPair;
import dev.rotor.issuer.users.control.LoginThrottle;
import dev.rotor.issuer.users.control.PasswordHasher;
import dev.rotor.issuer.users.control.TooManyAttemptsException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;

import java.util.Set;
import java.util.logging.Logger;

/**
 * The resource-owner password grant: checks the credentials through Jakarta Security's identity stores (the
 * built-in Redis store, and any LDAP or database store the deployment adds), then opens a session. Unknown users,
 * wrong passwords and disabled users get the same answer.
 */
@ApplicationScoped
public class PasswordGrant {

    private static final int MAX_USERNAME_LENGTH = 256;
    private static final Logger LOG = Logger.getLogger(PasswordGrant.class.getName());

    private final IdentityStoreHandler identities;
    private final LoginThrottle throttle;
    private final RefreshSessions sessions;
    private final AccessTokens tokens;
    private final SecurityEvents events;

    @Inject
    public PasswordGrant(IdentityStoreHandler identities, LoginThrottle throttle, RefreshSessions sessions,
                         AccessTokens tokens, SecurityEvents events) {
        this.identities = identities;
        this.throttle = throttle;
        this.sessions = sessions;
        this.tokens = tokens;
        this.events = events;
    }

    protected PasswordGrant() {
        this(null, null, null, null, null);
    }

    /** @throws dev.rotor.issuer.availability.BackendUnavailableException if the outcome cannot be recorded */
    public GrantResult login(String username, String password, String clientId, String clientAddress) {
        if (password.length() > PasswordHasher.MAX_LENGTH || username.length() > MAX_USERNAME_LENGTH) {
            return new GrantResult.Refused(Refusal.MALFORMED_CREDENTIALS);
        }
        try {
            throttle.check(username, clientAddress);
        } catch (TooManyAttemptsException e) {
            events.loginThrottled();
            LOG.warning("ROTOR-L102 login throttled");
            return new GrantResult.Throttled(e.retryAfter());
        }
        CredentialValidationResult result = identities.validate(new UsernamePasswordCredential(username, password));
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            throttle.recordFailure(username, clientAddress);
            events.loginFailed();
            LOG.info("ROTOR-L101 login failed");
            return new GrantResult.Refused(Refusal.BAD_CREDENTIALS);
        }
        throttle.recordSuccess(username);
        String subject = result.getCallerPrincipal().getName();
        Set<String> groups = result.getCallerGroups();
        IssuedSession session = sessions.create(subject, clientId, groups);
        AccessToken access = tokens.issue(subject, groups, session.rid(), clientId);
        return new GrantResult.Granted(new TokenPair(access, session.refreshToken()));
    }
}
