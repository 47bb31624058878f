package dev.rotor.filter.authentication;

import dev.rotor.filter.configuration.VerifierConfig;
import dev.rotor.filter.protocol.JsonWebKey;
import dev.rotor.filter.revocation.RevocationMirror;
import dev.rotor.filter.verification.JwksSource;
import dev.rotor.filter.verification.KeyResolver;
import dev.rotor.filter.verification.TokenVerifier;
import dev.rotor.filter.verification.VerifiedToken;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Logger;

/**
 * A running verifier: the JWKS key resolver, the revocation mirror and the token verifier, started together from
 * one configuration and stopped together. One per application. A key an issuer announces on the revocation channel
 * is fetched at once, so a new instance's or a rotation's first token verifies without waiting for the next poll.
 */
public final class Verifier implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Verifier.class.getName());

    private final VerifierConfig config;
    private final KeyResolver keys;
    private final RevocationMirror revocations;
    private final TokenVerifier verifier;

    private Verifier(VerifierConfig config, KeyResolver keys, RevocationMirror revocations, Clock clock) {
        this.config = config;
        this.keys = keys;
        this.revocations = revocations;
        this.verifier = new TokenVerifier(config, keys, revocations, clock);
    }

    /**
     * Starts fetching keys and mirroring revocations in the background.
     *
     * @param threadFactory makes the background threads; pass the container's managed thread factory
     */
    public static Verifier start(VerifierConfig config, Clock clock, ThreadFactory threadFactory) {
        return start(config, KeyResolver.start(config, clock, threadFactory), clock, threadFactory);
    }

    /** Like {@link #start(VerifierConfig, Clock, ThreadFactory)}, with keys from {@code keys} rather than HTTP. */
    public static Verifier start(VerifierConfig config, JwksSource keys, Clock clock, ThreadFactory threadFactory) {
        return start(config, KeyResolver.start(keys, config, clock, threadFactory), clock, threadFactory);
    }

    private static Verifier start(VerifierConfig config, KeyResolver keys, Clock clock, ThreadFactory threadFactory) {
        RevocationMirror revocations = new RevocationMirror(config.redis(), config.redisNames(),
                config.failPolicy(), config.maxStaleness(), clock, threadFactory, keys::keyAnnounced);
        revocations.start();
        LOG.info(() -> "ROTOR-A001 verifying tokens of " + config.issuer() + " with revocations from "
                + config.redis());
        return new Verifier(config, keys, revocations, clock);
    }

    /** @see TokenVerifier#verify(String) */
    public VerifiedToken verify(String token) {
        return verifier.verify(token);
    }

    /** The issuer's key with this id, from the same cached JWKS as tokens, e.g. for an ID token's signature. */
    public Optional<JsonWebKey> key(String kid) {
        return keys.resolve(kid);
    }

    /** Whether the revocation mirror has loaded its snapshot and heard from Redis lately, e.g. for a readiness check. */
    public boolean revocationsTrusted() {
        return revocations.isTrusted();
    }

    public VerifierConfig config() {
        return config;
    }

    @Override
    public void close() {
        revocations.close();
        keys.close();
    }
}
