package dev.rotor.filter.authentication.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sends a browser that is not signed in to the issuer's authorization endpoint: the code flow with a fresh
 * {@code state}, {@code nonce} and PKCE S256 verifier, each 256 random bits, kept in the browser's
 * {@code HttpSession} together with the page it asked for.
 */
final class SignInStart {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SignInConfig config;
    private final Provider provider;
    private final Clock clock;

    SignInStart(SignInConfig config, Provider provider, Clock clock) {
        this.config = config;
        this.provider = provider;
        this.clock = clock;
    }

    void redirect(HttpServletRequest request, HttpServletResponse response) {
        URI endpoint = provider.metadata().authorization();
        PendingSignIn pending = new PendingSignIn(random(), random(), random(), Navigation.returnTo(request),
                clock.instant());
        SessionState.addPending(request.getSession(true), pending);
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("response_type", "code");
        parameters.put("client_id", config.clientId());
        parameters.put("redirect_uri", Navigation.url(config, request, config.redirectPath()));
        parameters.put("scope", String.join(" ", config.scopes()));
        parameters.put("state", pending.state());
        parameters.put("nonce", pending.nonce());
        parameters.put("code_challenge", challenge(pending.verifier()));
        parameters.put("code_challenge_method", "S256");
        String query = IssuerCalls.formBody(parameters);
        SignInResponses.redirect(response, URI.create(endpoint + (endpoint.getRawQuery() == null ? "?" : "&") + query));
    }

    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
