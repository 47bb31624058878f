package dev.rotor.filter.authentication;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.IOException;

/**
 * Turns the container's own "403 Forbidden" error page, sent when container security ({@code @RolesAllowed})
 * refuses an authenticated caller, into the RFC 6750 {@code insufficient_scope} answer.
 */
final class ChallengingResponse extends HttpServletResponseWrapper {

    private final Challenges challenges;

    ChallengingResponse(HttpServletResponse response, Challenges challenges) {
        super(response);
        this.challenges = challenges;
    }

    @Override
    public void sendError(int status) throws IOException {
        sendError(status, null);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        if (status == SC_FORBIDDEN && !isCommitted()) {
            challenges.insufficientScope((HttpServletResponse) getResponse());
        } else {
            super.sendError(status, message);
        }
    }
}
