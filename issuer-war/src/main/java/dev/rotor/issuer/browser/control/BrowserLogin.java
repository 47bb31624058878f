package dev.rotor.issuer.browser.control;

import dev.rotor.issuer.revocation.control.TokenRevocation;
import dev.rotor.issuer.tokens.control.PasswordGrant;
import dev.rotor.issuer.tokens.entity.TokenPair;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * The login form's login: the password grant with its throttling and its single answer for unknown users, wrong
 * passwords and disabled users, always opening a new session. A refresh cookie the browser already holds is never
 * reused (session fixation): once the new session exists, the old cookie's session is revoked as
 * {@code /oauth2/revoke} would.
 */
@ApplicationScoped
public class BrowserLogin {

    /** The {@code client_id} of sessions opened by the login form. */
    public static final String CLIENT_ID = "rotor-login";
    private static final Logger LOG = Logger.getLogger(BrowserLogin.class.getName());

    private final PasswordGrant passwords;
    private final TokenRevocation revocation;

    @Inject
    public BrowserLogin(PasswordGrant passwords, TokenRevocation revocation) {
        this.passwords = passwords;
        this.revocation = revocation;
    }

    protected BrowserLogin() {
        this(null, null);
    }

    /**
     * @param presetRefreshToken the refresh cookie sent with the login form, if any
     * @throws dev.rotor.issuer.tokens.entity.OAuthErrorException {@code invalid_grant}, {@code invalid_request} or
     *                                                            {@code slow_down}, as the token endpoint
     */
    public TokenPair login(String username, String password, String clientAddress,
                           Optional<String> presetRefreshToken) {
        TokenPair pair = passwords.login(username, password, CLIENT_ID, clientAddress);
        presetRefreshToken.ifPresent(token -> {
            revocation.revoke(token);
            LOG.info("ROTOR-B102 login replaced the refresh cookie the browser held; its session, if live, is revoked");
        });
        LOG.info("ROTOR-B101 browser login succeeded, new session opened");
        return pair;
    }
}
