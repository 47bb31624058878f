package dev.rotor.issuer.http;

import jakarta.ws.rs.core.Response;

/** Builds {@code application/problem+json} responses that nothing caches. */
public final class Problems {

    private Problems() {
    }

    public static Response.ResponseBuilder response(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .header("Cache-Control", CacheControl.NO_STORE)
                .entity(problem.toJson());
    }
}
