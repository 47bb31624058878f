package dev.rotor.issuer.authentication;

import dev.rotor.issuer.availability.RedisUnavailableException;
import dev.rotor.filter.verification.JwksSource;
import dev.rotor.issuer.keys.control.JwksSnapshots;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** The issuer's own JWKS, read in-process from the registry rather than over HTTP from itself. */
final class OwnKeys implements JwksSource {

    private static final Duration MAX_AGE = Duration.ofSeconds(10);

    private final JwksSnapshots jwks;

    OwnKeys(JwksSnapshots jwks) {
        this.jwks = jwks;
    }

    @Override
    public CompletableFuture<Document> fetch() {
        try {
            byte[] body = jwks.jwks().toString().getBytes(StandardCharsets.UTF_8);
            return CompletableFuture.completedFuture(new Document(body, MAX_AGE));
        } catch (RedisUnavailableException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
