package dev.rotor.issuer.http;

import dev.rotor.issuer.keys.control.KeyRegistryUnavailableException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Redis is unreachable: 503 with {@code Retry-After}, since the caller can try again shortly. */
@Provider
public class UnavailableMapper implements ExceptionMapper<KeyRegistryUnavailableException> {

    @Override
    public Response toResponse(KeyRegistryUnavailableException exception) {
        return Problems.response(new Problem(503, "Service Unavailable",
                        "The key registry cannot be reached. Try again shortly."))
                .header("Retry-After", "5")
                .build();
    }
}
