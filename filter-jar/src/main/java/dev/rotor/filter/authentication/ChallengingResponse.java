package dev.rotor.filter.authentication;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.IOException;

/**
 * Gives every 403 of a request the RFC 6750 {@code insufficient_scope} challenge, and every 401 the bare
 * {@code Bearer} challenge. The container's own error page (sent when container security such as
 * {@code @RolesAllowed} refuses the caller) is replaced by Rotor's {@code application/problem+json} answer; a 401 or
 * 403 the application writes itself keeps its body and only gains the headers.
 */
final class ChallengingResponse extends HttpServletResponseWrapper {

    private final Challenges challenges;

    ChallengingResponse(HttpServletResponse response, Challenges challenges) {
        super(response);
        this.challenges = challenges;
    }

    @Override
    public void setStatus(int status) {
        super.setStatus(status);
        if (status == SC_FORBIDDEN && !isCommitted()) {
            challenges.insufficientScopeHeader((HttpServletResponse) getResponse());
        } else if (status == SC_UNAUTHORIZED && !isCommitted() && getHeader("WWW-Authenticate") == null) {
            challenges.missingTokenHeaders((HttpServletResponse) getResponse());
        }
    }

    @Override
    public void sendError(int status) throws IOException {
        sendError(status, null);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        if (status == SC_FORBIDDEN && !isCommitted()) {
            challenges.insufficientScope((HttpServletResponse) getResponse());
        } else if (status == SC_UNAUTHORIZED && !isCommitted()) {
            challenges.missingToken((HttpServletResponse) getResponse());
        } else {
            super.sendError(status, message);
        }
    }
}
