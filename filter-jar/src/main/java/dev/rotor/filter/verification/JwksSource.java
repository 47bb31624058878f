package dev.rotor.filter.verification;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Where a {@link KeyResolver} gets the issuer's JWKS. The default fetches {@code rotor.jwks-uri} over HTTP; an
 * application that holds the keys itself (the issuer does) can supply them in-process. Whatever the source, the
 * body is parsed and validated as untrusted input.
 */
@FunctionalInterface
public interface JwksSource {

    /**
     * @return the JWKS document; completes exceptionally when it cannot be had this time, and the cached keys stay
     */
    CompletableFuture<Document> fetch();

    /**
     * @param body   the JWKS JSON, as bytes
     * @param maxAge how long it may be cached before a background refresh
     */
    record Document(byte[] body, Duration maxAge) {
    }
}
