package dev.rotor.it.sample;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Like many real applications, the sample answers JAX-RS errors with a JSON body of its own. */
@Provider
public class SampleErrors implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        int status = exception.getResponse().getStatus();
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity("{\"sampleError\":" + status + "}").build();
    }
}
