package dev.rotor.issuer.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Every answer of the issuer is {@code Cache-Control: no-store} unless its resource chose otherwise (only the JWKS,
 * the discovery document and static assets do), so no token, error or admin answer is ever cached by accident.
 */
@Provider
public class NoStoreByDefault implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!response.getHeaders().containsKey("Cache-Control")) {
            response.getHeaders().putSingle("Cache-Control", CacheControl.NO_STORE);
        }
    }
}
