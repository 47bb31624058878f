package dev.rotor.filter.authentication.signin;

import dev.rotor.filter.authentication.Verifier;
import dev.rotor.filter.verification.BackendUnavailableException;
import dev.rotor.filter.verification.TokenRejectedException;
import dev.rotor.filter.verification.VerifiedToken;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Browser sign-in for {@code JwtFilter} ({@code rotor.mode} {@code browser} or {@code both}): the filter is an
 * OpenID Connect relying party. A page load without a session is sent to the issuer; the callback and logout paths
 * are handled here; every later request's access token, kept in the {@code HttpSession}, gets the same verification
 * and revocation check as a bearer token, and is refreshed shortly before it expires. When the issuer has ended the
 * session (a logout anywhere, an administrator), the next request finds the token revoked and starts over.
 */
public final class BrowserSignIn {

    /**
     * The request attribute holding the signed-in browser's raw access token, for server-side calls to APIs on the
     * user's behalf. Never write it into a page.
     */
    public static final String ACCESS_TOKEN_ATTRIBUTE = BrowserSignIn.class.getName() + ".accessToken";
    static final Duration REFRESH_BEFORE = Duration.ofSeconds(60);
    private static final Logger LOG = Logger.getLogger(BrowserSignIn.class.getName());

    private final SignInConfig config;
    private final Verifier verifier;
    private final Provider provider;
    private final SignInStart start;
    private final Callback callback;
    private final Logout logout;
    private final Clock clock;

    public BrowserSignIn(SignInConfig config, Verifier verifier, Clock clock) {
        this.config = config;
        this.verifier = verifier;
        this.clock = clock;
        this.provider = new Provider(verifier.config().discoveryUri(), verifier.config().issuer().toString(), config,
                verifier.config().httpTimeout());
        this.start = new SignInStart(config, provider, clock);
        IdTokenCheck idTokens = new IdTokenCheck(verifier::key, verifier.config().algorithms(),
                verifier.config().issuer().toString(), config.clientId(), verifier.config().leeway(), clock);
        this.callback = new Callback(config, provider, idTokens, verifier::verify, clock);
        this.logout = new Logout(config, provider);
    }

    /** Whether {@code path} (inside the application) is the callback or the logout path, handled by {@link #handle}. */
    public boolean isOwnPath(String path) {
        return path.equals(config.redirectPath()) || path.equals(config.logoutPath());
    }

    public void handle(String path, HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            if (path.equals(config.redirectPath())) {
                SignInResponses.redirect(response, 303, callback.complete(request));
            } else if (!"POST".equals(request.getMethod())) {
                response.setHeader("Allow", "POST");
                SignInResponses.problem(response, 405, "Method Not Allowed", "Log out with a POST.");
            } else if (!Navigation.isSameOrigin(config, request)) {
                SignInResponses.problem(response, 403, "Forbidden", "A logout must come from this application.");
            } else {
                SignInResponses.redirect(response, 303, logout.logout(request));
            }
        } catch (SignInFailedException e) {
            SignInResponses.problem(response, 400, "Bad Request", e.getMessage());
        } catch (TokenRejectedException e) {
            SignInResponses.problem(response, 401, "Unauthorized", "The issuer's access token was not accepted.");
        } catch (IssuerUnreachableException | BackendUnavailableException e) {
            LOG.fine(() -> "ROTOR-S103 sign-in or logout not possible now: " + e.getMessage());
            SignInResponses.unavailable(response);
        }
    }

    /**
     * @return the verified access token of this browser's session; empty when the response has been written
     *         instead: a redirect to the issuer for a page load, else 401; 503 if tokens cannot be checked now
     */
    public Optional<VerifiedToken> authenticate(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        HttpSession session = request.getSession(false);
        BrowserTokens tokens = SessionState.tokens(session);
        try {
            if (tokens != null) {
                BrowserTokens current = fresh(session, tokens);
                VerifiedToken verified = verifier.verify(current.accessToken());
                request.setAttribute(ACCESS_TOKEN_ATTRIBUTE, current.accessToken());
                return Optional.of(verified);
            }
        } catch (TokenRejectedException | SignInFailedException e) {
            LOG.fine("ROTOR-S104 the browser's session ended at the issuer; signing in again");
            session.invalidate();
        } catch (BackendUnavailableException | IssuerUnreachableException e) {
            SignInResponses.unavailable(response);
            return Optional.empty();
        }
        try {
            if (Navigation.isPageLoad(request)) {
                start.redirect(request, response);
            } else {
                response.setHeader("WWW-Authenticate", "Bearer realm=\"" + verifier.config().realm() + "\"");
                SignInResponses.problem(response, 401, "Unauthorized", "Sign in first.");
            }
        } catch (IssuerUnreachableException e) {
            SignInResponses.unavailable(response);
        }
        return Optional.empty();
    }

    /** The tokens, refreshed first if the access token expires within {@link #REFRESH_BEFORE}. */
    private BrowserTokens fresh(HttpSession session, BrowserTokens tokens) {
        if (clock.instant().plus(REFRESH_BEFORE).isBefore(tokens.accessExpiresAt()) || tokens.refreshToken() == null) {
            return tokens;
        }
        synchronized (SessionState.lock(session)) {
            BrowserTokens current = SessionState.tokens(session);
            if (current == null) {
                throw new SignInFailedException("signed out meanwhile");
            }
            if (clock.instant().plus(REFRESH_BEFORE).isBefore(current.accessExpiresAt())) {
                return current;
            }
            TokenAnswer answer = provider.calls().token(provider.metadata().token(),
                    Map.of("grant_type", "refresh_token", "refresh_token", current.refreshToken()));
            VerifiedToken verified = verifier.verify(answer.accessToken());
            BrowserTokens refreshed = new BrowserTokens(answer.accessToken(),
                    answer.refreshToken() != null ? answer.refreshToken() : current.refreshToken(), current.idToken(),
                    verified.expiresAt());
            session.setAttribute(SessionState.TOKENS, refreshed);
            return refreshed;
        }
    }
}
