package dev.rotor.filter.authentication;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Registered by {@link MechanismStartup} for applications that use the mechanism, so container-enforced role
 * checks answer like the rest of Rotor.
 */
final class ChallengeFilter implements Filter {

    private final Challenges challenges;

    ChallengeFilter(Challenges challenges) {
        this.challenges = challenges;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, response instanceof HttpServletResponse http
                ? new ChallengingResponse(http, challenges) : response);
    }
}
