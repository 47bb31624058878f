package dev.rotor.issuer.http;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A bug, not bad input: 500 with a correlation id and nothing else. The stack trace goes to the server log only,
 * under the same id.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<RuntimeException> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(RuntimeException exception) {
        String id = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "ROTOR-H500 unexpected failure, id " + id, exception);
        return Problems.response(new Problem(500, "Internal Server Error", "Error id " + id)).build();
    }
}
