package dev.rotor.filter.authentication;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes the answers to requests that are not let through: RFC 6750 {@code WWW-Authenticate} challenges with a
 * small RFC 9457 body. Every one carries {@code Cache-Control: no-store}, and none echoes anything of the request.
 */
final class Challenges {

    private final String realm;

    Challenges(String realm) {
        this.realm = realm;
    }

    /** No token where one is needed: a bare challenge with no error attribute (RFC 6750 §3.1). */
    void missingToken(HttpServletResponse response) throws IOException {
        write(response, 401, "Bearer realm=\"" + realm + "\"",
                new Problem(401, "Unauthorized", "A bearer token is required."));
    }

    /**
     * The same challenge as headers only, for a programmatic authentication (e.g. a {@code @RolesAllowed} check
     * inside JAX-RS): the application answers the request itself afterwards, so nothing is written or committed
     * here that its own error handling could collide with.
     */
    void missingTokenHeaders(HttpServletResponse response) {
        response.setStatus(401);
        response.setHeader("WWW-Authenticate", "Bearer realm=\"" + realm + "\"");
        response.setHeader("Cache-Control", "no-store");
    }

    void invalidRequest(HttpServletResponse response) throws IOException {
        write(response, 400, "Bearer realm=\"" + realm + "\", error=\"invalid_request\"",
                new Problem(400, "Bad Request", "The Authorization header must hold exactly one bearer token."));
    }

    void invalidToken(HttpServletResponse response) throws IOException {
        write(response, 401, "Bearer realm=\"" + realm + "\", error=\"invalid_token\", "
                        + "error_description=\"The access token is invalid, expired or revoked\"",
                new Problem(401, "Unauthorized", "The access token is invalid, expired or revoked."));
    }

    void insufficientScope(HttpServletResponse response) throws IOException {
        write(response, 403, insufficientScopeChallenge(),
                new Problem(403, "Forbidden", "The access token lacks a role this resource requires."));
    }

    /** The {@code insufficient_scope} challenge alone, for a 403 whose body the application writes. */
    void insufficientScopeHeader(HttpServletResponse response) {
        response.setHeader("WWW-Authenticate", insufficientScopeChallenge());
        response.setHeader("Cache-Control", "no-store");
    }

    private String insufficientScopeChallenge() {
        return "Bearer realm=\"" + realm + "\", error=\"insufficient_scope\"";
    }

    void unavailable(HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", "5");
        write(response, 503, null,
                new Problem(503, "Service Unavailable", "Tokens cannot be checked right now. Try again shortly."));
    }

    private static void write(HttpServletResponse response, int status, String challenge, Problem problem)
            throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        if (challenge != null) {
            response.setHeader("WWW-Authenticate", challenge);
        }
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(Problem.MEDIA_TYPE);
        byte[] body = problem.toJson().toString().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
