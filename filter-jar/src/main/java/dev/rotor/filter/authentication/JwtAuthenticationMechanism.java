package dev.rotor.filter.authentication;

import dev.rotor.filter.verification.BackendUnavailableException;
import dev.rotor.filter.verification.TokenRejectedException;
import dev.rotor.filter.verification.VerifiedToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.HashSet;

/**
 * A Jakarta Security authentication mechanism for Rotor access tokens. It is active in an application whose
 * {@code web.xml} sets the context-param {@code rotor.issuer}; the other {@code rotor.*} context-params configure it,
 * and environment variables and system properties override them. A bad setting fails the deployment.
 * <p>
 * A valid token logs the caller in as its {@code sub} with its {@code groups} as roles, so {@code @RolesAllowed},
 * {@code @ServletSecurity}, {@code SecurityContext} and {@code isUserInRole} work. A request without a token passes
 * anonymously unless the container requires authentication (then 401 with a {@code Bearer} challenge). An invalid
 * token is always 401 {@code invalid_token}; unavailable revocation state is 503.
 * <p>
 * In an application protected by {@link JwtFilter} instead, this mechanism only carries the filter's verified caller
 * into the container, so container security sees the same caller as the filter.
 */
@ApplicationScoped
public class JwtAuthenticationMechanism implements HttpAuthenticationMechanism {

    @Inject
    MechanismVerifier mechanism;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) throws AuthenticationException {
        if (request.getAttribute(JwtFilter.FILTER_VERIFIED_ATTRIBUTE) instanceof VerifiedToken verified) {
            return login(verified, request, context);
        }
        Verifier verifier = mechanism.verifier().orElse(null);
        if (verifier == null) {
            return context.doNothing();
        }
        Challenges challenges = mechanism.challenges();
        try {
            BearerCredential credential = BearerCredential.of(request);
            if (credential instanceof BearerCredential.Token token) {
                return authenticate(verifier, challenges, token.value(), request, response, context);
            }
            if (credential instanceof BearerCredential.Malformed) {
                challenges.invalidRequest(response);
                return AuthenticationStatus.SEND_FAILURE;
            }
            if (context.isAuthenticationRequest()) {
                challenges.missingTokenHeaders(response);
                return AuthenticationStatus.SEND_FAILURE;
            }
            if (context.isProtected()) {
                challenges.missingToken(response);
                return AuthenticationStatus.SEND_FAILURE;
            }
            return context.doNothing();
        } catch (IOException e) {
            throw new AuthenticationException(e);
        }
    }

    private static AuthenticationStatus authenticate(Verifier verifier, Challenges challenges, String token,
                                                     HttpServletRequest request, HttpServletResponse response,
                                                     HttpMessageContext context) throws IOException {
        try {
            return login(verifier.verify(token), request, context);
        } catch (TokenRejectedException e) {
            challenges.invalidToken(response);
        } catch (BackendUnavailableException e) {
            challenges.unavailable(response);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static AuthenticationStatus login(VerifiedToken verified, HttpServletRequest request,
                                              HttpMessageContext context) {
        request.setAttribute(JwtFilter.TOKEN_ATTRIBUTE, verified);
        return context.notifyContainerAboutLogin(new JwtPrincipal(verified), new HashSet<>(verified.groups()));
    }
}
