package dev.rotor.filter.authentication;

import dev.rotor.filter.authentication.signin.BrowserSignIn;
import dev.rotor.filter.authentication.signin.SignInConfig;
import dev.rotor.filter.authentication.signin.SignInMode;
import dev.rotor.filter.configuration.Settings;
import dev.rotor.filter.configuration.VerifierConfig;
import dev.rotor.filter.verification.BackendUnavailableException;
import dev.rotor.filter.verification.TokenRejectedException;
import dev.rotor.filter.verification.VerifiedToken;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/**
 * A Servlet filter that lets a request through only with a valid Rotor access token. Declare it in {@code web.xml}
 * and configure it with {@code rotor.*} init-params; environment variables and system properties override them. A
 * bad setting fails the deployment with a message that names it.
 * <p>
 * On a protected path: no token → 401 with a bare {@code Bearer} challenge; a bad, expired or revoked token → 401
 * {@code invalid_token}; a missing {@code rotor.required-roles} group → 403 {@code insufficient_scope}; revocation
 * state unavailable → 503. A request let through sees the token's subject as {@code getUserPrincipal()} and
 * {@code getRemoteUser()}, its groups through {@code isUserInRole()}, and the {@link VerifiedToken} as the request
 * attribute {@link #TOKEN_ATTRIBUTE}. Unless {@code rotor.container-login} is {@code off}, the caller is also logged
 * in to the container, so container security sees it too ({@link ContainerLogin}).
 * <p>
 * With {@code rotor.mode} {@code browser} (or {@code both}, for requests without an {@code Authorization} header)
 * the filter signs browsers in itself, as an OpenID Connect relying party: see {@link BrowserSignIn}.
 */
public class JwtFilter implements Filter {

    /** The request attribute holding the {@link VerifiedToken} of an authenticated request. */
    public static final String TOKEN_ATTRIBUTE = VerifiedToken.class.getName();

    /** Hands the verified token to {@link JwtAuthenticationMechanism} during {@code request.authenticate()}. */
    static final String FILTER_VERIFIED_ATTRIBUTE = JwtFilter.class.getName() + ".verified";

    private Verifier verifier;
    private PathRules paths;
    private Challenges challenges;
    private SignInMode mode;
    private BrowserSignIn signIn;
    private ContainerLogin containerLogin;

    @Override
    public void init(FilterConfig filterConfig) throws ServletException {
        Settings settings = settings(key -> Optional.ofNullable(filterConfig.getInitParameter(key)));
        VerifierConfig config = VerifierConfig.from(settings);
        SignInConfig signInConfig = SignInConfig.from(settings);
        verifier = Verifier.start(config, Clock.systemUTC(), ContainerThreads.factory());
        paths = new PathRules(config.protectedPaths(), config.publicPaths());
        challenges = new Challenges(config.realm());
        mode = signInConfig.mode();
        containerLogin = ContainerLogin.from(settings);
        signIn = signInConfig.browser() ? new BrowserSignIn(signInConfig, verifier, Clock.systemUTC()) : null;
    }

    /** The filter's settings: system properties, then environment variables, then its init-params. */
    static Settings settings(Function<String, Optional<String>> initParameters) {
        return Settings.systemThenEnvironmentThen(initParameters);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse httpResponse)) {
            chain.doFilter(request, response);
            return;
        }
        String path = RequestPaths.of(http);
        if (signIn != null && signIn.isOwnPath(path)) {
            signIn.handle(path, http, httpResponse);
            return;
        }
        if (!paths.isProtected(path)) {
            chain.doFilter(request, response);
            return;
        }
        BearerCredential credential = BearerCredential.of(http);
        if (signIn != null && (mode == SignInMode.BROWSER || credential instanceof BearerCredential.Missing)) {
            Optional<VerifiedToken> verified = signIn.authenticate(http, httpResponse);
            if (verified.isPresent()) {
                proceed(http, httpResponse, chain, verified.get());
            }
        } else if (credential instanceof BearerCredential.Token token) {
            authenticate(http, httpResponse, chain, token.value());
        } else if (credential instanceof BearerCredential.Malformed) {
            challenges.invalidRequest(httpResponse);
        } else {
            challenges.missingToken(httpResponse);
        }
    }

    private void authenticate(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                              String token) throws IOException, ServletException {
        VerifiedToken verified;
        try {
            verified = verifier.verify(token);
        } catch (TokenRejectedException e) {
            challenges.invalidToken(response);
            return;
        } catch (BackendUnavailableException e) {
            challenges.unavailable(response);
            return;
        }
        proceed(request, response, chain, verified);
    }

    /** Lets a verified caller through, with the required-roles check and the container login. */
    private void proceed(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                         VerifiedToken verified) throws IOException, ServletException {
        if (!verified.groups().containsAll(verifier.config().requiredRoles())) {
            challenges.insufficientScope(response);
            return;
        }
        request.setAttribute(TOKEN_ATTRIBUTE, verified);
        boolean loggedIn = containerLogin == ContainerLogin.ON && containerLogin(request, response, verified);
        chain.doFilter(loggedIn ? request : new AuthenticatedRequest(request, new JwtPrincipal(verified)),
                new ChallengingResponse(response, challenges));
    }

    /**
     * Logs the verified caller in to the container through {@link JwtAuthenticationMechanism}, so that container
     * security ({@code @RolesAllowed}, {@code @ServletSecurity}) sees the caller too. Where that is not possible the
     * request is wrapped instead, which serves {@code getUserPrincipal()} and {@code isUserInRole()} only.
     */
    private static boolean containerLogin(HttpServletRequest request, HttpServletResponse response,
                                          VerifiedToken verified) throws IOException, ServletException {
        request.setAttribute(FILTER_VERIFIED_ATTRIBUTE, verified);
        try {
            return request.authenticate(response) && request.getUserPrincipal() instanceof JwtPrincipal;
        } finally {
            request.removeAttribute(FILTER_VERIFIED_ATTRIBUTE);
        }
    }

    @Override
    public void destroy() {
        if (verifier != null) {
            verifier.close();
        }
    }
}
