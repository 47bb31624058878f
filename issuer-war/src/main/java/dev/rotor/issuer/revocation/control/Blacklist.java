package dev.rotor.issuer.revocation.control;

import dev.rotor.filter.protocol.RevocationEvent;
import dev.rotor.issuer.revocation.control.RevocationPublisher;
import dev.rotor.issuer.configuration.IssuerConfig;
import dev.rotor.issuer.operations.control.SecurityEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import redis.clients.jedis.UnifiedJedis;

import java.time.Clock;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Writes revocations to the Redis blacklist and publishes them to every verifier. Each entry lives exactly as long
 * as a token it rejects could still be accepted: one access-token lifetime plus the verifiers' leeway.
 */
@ApplicationScoped
public class Blacklist {

    private static final Logger LOG = Logger.getLogger(Blacklist.class.getName());

    private final UnifiedJedis redis;
    private final IssuerConfig config;
    private final RevocationPublisher publisher;
    private final Clock clock;
    private final SecurityEvents events;

    @Inject
    public Blacklist(UnifiedJedis redis, IssuerConfig config, Clock clock, SecurityEvents events) {
        this.redis = redis;
        this.config = config;
        this.publisher = new RevocationPublisher(redis, config.redisNames(), clock);
        this.clock = clock;
        this.events = events;
    }

    protected Blacklist() {
        this.redis = null;
        this.config = null;
        this.publisher = null;
        this.clock = null;
        this.events = null;
    }

    /**
     * Every access token of the session {@code rid} is rejected from now on.
     *
     * @throws dev.rotor.issuer.revocation.control.RevocationUnavailableException if Redis cannot be written
     */
    public void revokeSession(String rid) {
        publisher.publish(RevocationEvent.rid(rid, until()));
        events.revoked();
        LOG.info(() -> "ROTOR-R201 session revoked: " + rid);
    }

    /** Every access token of {@code subject} issued until now is rejected. */
    public void revokeSubject(String subject) {
        Instant now = clock.instant();
        publisher.publish(RevocationEvent.subject(subject, now, until()));
        events.revoked();
        LOG.info(() -> "ROTOR-R202 all tokens of a user revoked");
    }

    private Instant until() {
        return clock.instant().plus(config.accessTtl()).plus(config.leeway());
    }
}
