package dev.rotor.filter.verification;

import dev.rotor.filter.protocol.JsonWebKey;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Where a {@link KeyResolver} gets the issuer's keys. The default fetches {@code rotor.jwks-uri} over HTTP and
 * parses the body as untrusted input. An application that holds the keys itself (the issuer does) can supply them
 * in-process: as a JWKS body through {@link #fetch()}, or, when it has already validated them with
 * {@link JsonWebKey#parse}, as the keys themselves through {@link #fetchKeys()}, which then need no second parse.
 */
@FunctionalInterface
public interface JwksSource {

    /**
     * @return the JWKS document; completes exceptionally when it cannot be had this time, and the cached keys stay
     */
    CompletableFuture<Document> fetch();

    /**
     * @return the usable keys of the JWKS. By default the {@linkplain #fetch() document} parsed as untrusted JSON;
     *         completes exceptionally when it cannot be had or is not a JWKS, and the cached keys stay
     */
    default CompletableFuture<Keys> fetchKeys() {
        return fetch().thenApply(document -> JwksDocument.parse(document.body(), document.maxAge())
                .map(parsed -> new Keys(List.copyOf(parsed.keys().values()), parsed.maxAge()))
                .orElseThrow(() -> new JwksClient.JwksUnavailableException("not a JSON Web Key Set")));
    }

    /**
     * @param body   the JWKS JSON, as bytes
     * @param maxAge how long it may be cached before a background refresh
     */
    record Document(byte[] body, Duration maxAge) {
    }

    /**
     * @param keys   keys already validated by {@link JsonWebKey#parse} or built from a key the caller holds; kids
     *               that appear more than once are dropped, as in a parsed document
     * @param maxAge how long they may be cached before a background refresh
     */
    record Keys(List<JsonWebKey> keys, Duration maxAge) {

        public Keys {
            keys = List.copyOf(keys);
        }
    }
}
