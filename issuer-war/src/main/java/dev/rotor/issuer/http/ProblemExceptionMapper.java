package dev.rotor.issuer.http;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {

    @Override
    public Response toResponse(ProblemException exception) {
        Response.ResponseBuilder response = Problems.response(exception.problem());
        if (exception.problem().status() == 503) {
            response.header("Retry-After", "5");
        }
        return response.build();
    }
}
