package dev.rotor.filter.authentication.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The logout path: ends this application's session at the issuer (RFC 7009, which blacklists its access tokens
 * everywhere), invalidates the {@code HttpSession}, and sends the browser to the issuer's end-session endpoint with
 * the ID token as hint, which ends the issuer session and every other application's session signed in from it.
 */
final class Logout {

    private static final Logger LOG = Logger.getLogger(Logout.class.getName());

    private final SignInConfig config;
    private final Provider provider;

    Logout(SignInConfig config, Provider provider) {
        this.config = config;
        this.provider = provider;
    }

    /**
     * @return where to send the browser
     * @throws IssuerUnreachableException if the session could not be ended at the issuer; nothing is ended here then
     */
    String logout(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        BrowserTokens tokens = SessionState.tokens(session);
        ProviderMetadata metadata = provider.metadata();
        if (tokens != null && tokens.refreshToken() != null && metadata.revocation() != null) {
            provider.calls().revoke(metadata.revocation(), tokens.refreshToken());
        }
        if (session != null) {
            session.invalidate();
        }
        String afterLogout = Navigation.url(config, request, config.postLogoutPath());
        if (tokens == null || metadata.endSession() == null) {
            return afterLogout;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("id_token_hint", tokens.idToken());
        parameters.put("post_logout_redirect_uri", afterLogout);
        parameters.put("client_id", config.clientId());
        parameters.put("state", SignInStart.random());
        URI endpoint = metadata.endSession();
        LOG.fine("ROTOR-S202 browser logout: session ended, on to the issuer's end-session endpoint");
        return endpoint + (endpoint.getRawQuery() == null ? "?" : "&") + IssuerCalls.formBody(parameters);
    }
}
