package dev.rotor.issuer.authorization.boundary;

import dev.rotor.issuer.sessions.entity.LoginSessions;
import dev.rotor.issuer.cookies.boundary.RefreshCookie;
import dev.rotor.issuer.sessions.control.RefreshSessions;
import dev.rotor.issuer.sessions.entity.SessionInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Optional;

/**
 * The issuer session a browser is signed in with: the live login-form session whose current refresh token is in
 * its {@code __Host-} cookie. Its {@code rid} is the {@code sid} of every ID token issued from it.
 */
@ApplicationScoped
public class BrowserSessions {

    private final RefreshCookie cookie;
    private final RefreshSessions sessions;

    @Inject
    public BrowserSessions(RefreshCookie cookie, RefreshSessions sessions) {
        this.cookie = cookie;
        this.sessions = sessions;
    }

    protected BrowserSessions() {
        this(null, null);
    }

    public Optional<SessionInfo> of(HttpServletRequest request) {
        return cookie.held(request).flatMap(sessions::holderOf)
                .filter(session -> LoginSessions.CLIENT_ID.equals(session.clientId()));
    }
}
