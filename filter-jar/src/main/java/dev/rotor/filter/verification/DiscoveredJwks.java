package dev.rotor.filter.verification;

import dev.rotor.filter.configuration.VerifierConfig;
import dev.rotor.filter.protocol.UntrustedJson;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.logging.Logger;

/**
 * Keys from the JWKS that the issuer's own metadata names (RFC 8414 §3, OpenID Connect Discovery), for verifiers
 * configured with {@code rotor.issuer} alone. The metadata must state exactly the configured issuer; its
 * {@code jwks_uri} is then used for every later fetch. A failed discovery is tried again at the next fetch.
 */
final class DiscoveredJwks implements JwksSource {

    private static final Logger LOG = Logger.getLogger(DiscoveredJwks.class.getName());
    private static final int MAX_DEPTH = 8;

    private final VerifierConfig config;
    private final Executor executor;
    private final JwksClient metadata;
    private volatile JwksClient keys;

    DiscoveredJwks(VerifierConfig config, Executor executor) {
        this.config = config;
        this.executor = executor;
        this.metadata = new JwksClient(config.discoveryUri(), config.httpTimeout(), executor);
    }

    @Override
    public CompletableFuture<Document> fetch() {
        JwksClient known = keys;
        if (known != null) {
            return known.fetch();
        }
        return metadata.fetch().thenCompose(document -> {
            JwksClient discovered = new JwksClient(jwksUri(document.body()), config.httpTimeout(), executor);
            keys = discovered;
            LOG.info(() -> "ROTOR-V116 discovered the JWKS of " + config.issuer() + " at " + discovered.uri());
            return discovered.fetch();
        });
    }

    private URI jwksUri(byte[] body) {
        JsonObject metadata = StrictUtf8.decode(body).flatMap(json -> UntrustedJson.readObject(json, MAX_DEPTH))
                .orElseThrow(() -> new JwksClient.JwksUnavailableException("issuer metadata is not a JSON object"));
        if (!config.issuer().toString().equals(text(metadata, "issuer"))) {
            throw new JwksClient.JwksUnavailableException("issuer metadata names another issuer");
        }
        String jwksUri = text(metadata, "jwks_uri");
        try {
            URI uri = new URI(jwksUri == null ? "" : jwksUri);
            if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            LOG.fine("ROTOR-V117 jwks_uri of the issuer metadata does not parse");
        }
        throw new JwksClient.JwksUnavailableException("issuer metadata has no usable http(s) jwks_uri");
    }

    private static String text(JsonObject json, String name) {
        JsonValue value = json.get(name);
        return value instanceof JsonString string ? string.getString() : null;
    }
}
