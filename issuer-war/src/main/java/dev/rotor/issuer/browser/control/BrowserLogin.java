package dev.rotor.issuer.browser.control;

import dev.rotor.issuer.revocation.control.SessionTermination;
import dev.rotor.issuer.sessions.entity.LoginSessions;
import dev.rotor.issuer.tokens.control.PasswordGrant;
import dev.rotor.issuer.tokens.entity.GrantResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * The login form's login: the password grant with its throttling and its single answer for unknown users, wrong
 * passwords and disabled users, always opening a new session. A refresh cookie the browser already held is never
 * reused (session fixation): once the new session exists, the old cookie's session is ended as
 * {@code /oauth2/revoke} would.
 */
@ApplicationScoped
public class BrowserLogin {

    /** The {@code client_id} of sessions opened by the login form. */
    public static final String CLIENT_ID = LoginSessions.CLIENT_ID;
    private static final Logger LOG = Logger.getLogger(BrowserLogin.class.getName());

    private final PasswordGrant passwords;
    private final SessionTermination termination;

    @Inject
    public BrowserLogin(PasswordGrant passwords, SessionTermination termination) {
        this.passwords = passwords;
        this.termination = termination;
    }

    protected BrowserLogin() {
        this(null, null);
    }

    /**
     * @param presetRefreshToken the refresh cookie sent with the login form, if any
     * @throws dev.rotor.issuer.availability.BackendUnavailableException if the outcome cannot be recorded
     */
    public GrantResult login(String username, String password, String clientAddress,
                             Optional<String> presetRefreshToken) {
        GrantResult result = passwords.login(username, password, CLIENT_ID, clientAddress);
        if (result instanceof GrantResult.Granted) {
            presetRefreshToken.ifPresent(token -> {
                termination.endByRefreshToken(token);
                LOG.info("ROTOR-B102 login replaced the refresh cookie the browser held; its session, if live, ended");
            });
            LOG.info("ROTOR-B101 browser login succeeded, new session opened");
        }
        return result;
    }
}
