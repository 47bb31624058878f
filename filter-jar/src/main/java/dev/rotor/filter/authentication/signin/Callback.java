package dev.rotor.filter.authentication.signin;

import dev.rotor.filter.verification.VerifiedToken;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The redirect URI: checks that {@code state} is one this browser was given (login CSRF) and {@code iss} the issuer
 * (RFC 9207), exchanges the code with the PKCE verifier, validates the ID token and its {@code nonce}, verifies the
 * access token like any bearer token, and keeps the tokens in a new {@code HttpSession} id.
 */
final class Callback {

    static final Duration MAX_SIGN_IN_TIME = Duration.ofMinutes(10);
    private static final Logger LOG = Logger.getLogger(Callback.class.getName());
    private static final Pattern ERROR = Pattern.compile("[a-z_]{1,64}");

    private final SignInConfig config;
    private final Provider provider;
    private final IdTokenCheck idTokens;
    private final Function<String, VerifiedToken> verifier;
    private final Clock clock;

    Callback(SignInConfig config, Provider provider, IdTokenCheck idTokens, Function<String, VerifiedToken> verifier,
             Clock clock) {
        this.config = config;
        this.provider = provider;
        this.idTokens = idTokens;
        this.verifier = verifier;
        this.clock = clock;
    }

    /**
     * @return the path to send the browser to, now signed in
     * @throws SignInFailedException      if the callback is not one this browser is waiting for, or fails
     * @throws IssuerUnreachableException if the issuer cannot be asked
     */
    String complete(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        String state = single(request, "state");
        PendingSignIn pending = session == null || state == null ? null : SessionState.takePending(session, state);
        if (pending == null || pending.startedAt().plus(MAX_SIGN_IN_TIME).isBefore(clock.instant())) {
            LOG.fine("ROTOR-S101 sign-in callback refused: no sign-in with this state in this browser");
            throw new SignInFailedException("This sign-in was not started in this browser, or it took too long.");
        }
        String iss = single(request, "iss");
        if ((iss != null || provider.metadata().issParameter()) && !provider.issuer().equals(iss)) {
            throw new SignInFailedException("The sign-in answer comes from another issuer.");
        }
        String error = single(request, "error");
        if (error != null) {
            String code = ERROR.matcher(error).matches() ? error : "invalid";
            LOG.fine(() -> "ROTOR-S102 the issuer refused the sign-in: " + code);
            throw new SignInFailedException("The issuer refused the sign-in (" + code + ").");
        }
        String code = single(request, "code");
        if (code == null || code.length() > 512) {
            throw new SignInFailedException("The sign-in answer has no code.");
        }
        TokenAnswer answer = provider.calls().token(provider.metadata().token(), Map.of(
                "grant_type", "authorization_code", "code", code,
                "redirect_uri", Navigation.url(config, request, config.redirectPath()),
                "code_verifier", pending.verifier()));
        idTokens.verify(answer.idToken(), pending.nonce());
        VerifiedToken access = verifier.apply(answer.accessToken());
        request.changeSessionId();
        session.setAttribute(SessionState.TOKENS, new BrowserTokens(answer.accessToken(), answer.refreshToken(),
                answer.idToken(), access.expiresAt()));
        LOG.fine(() -> "ROTOR-S201 browser signed in: " + access.subject());
        return pending.returnTo();
    }

    private static String single(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        return values == null || values.length != 1 || values[0].isEmpty() ? null : values[0];
    }
}
