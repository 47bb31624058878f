package dev.rotor.issuer.revocation.control;

import dev.rotor.filter.protocol.RevocationEvent;
import dev.rotor.filter.redis.RedisConnections;
import dev.rotor.issuer.configuration.IssuerConfig;
import dev.rotor.issuer.operations.control.SecurityEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Writes revocations to the Redis blacklist and publishes them to every verifier. Each entry lives exactly as long
 * as a token it rejects could still be accepted: one access-token lifetime plus the verifiers' leeway. Callers end
 * sessions through {@link SessionTermination}, which knows the safe order.
 */
@ApplicationScoped
public class Blacklist {

    private static final Logger LOG = Logger.getLogger(Blacklist.class.getName());

    private final RevocationPublisher publisher;
    private final Duration entryLifetime;
    private final Clock clock;
    private final SecurityEvents events;

    @Inject
    public Blacklist(RedisConnections redis, IssuerConfig config, Clock clock, SecurityEvents events) {
        this.publisher = new RevocationPublisher(redis, config.redisNames(), clock);
        this.entryLifetime = config.accessTtl().plus(config.leeway());
        this.clock = clock;
        this.events = events;
    }

    protected Blacklist() {
        this.publisher = null;
        this.entryLifetime = null;
        this.clock = null;
        this.events = null;
    }

    /**
     * Every access token of the session {@code rid} is rejected from now on.
     *
     * @throws dev.rotor.issuer.availability.RedisUnavailableException if Redis cannot be written
     */
    void revokeSession(String rid) {
        publisher.publish(RevocationEvent.rid(rid, until()));
        events.revoked();
        LOG.info(() -> "ROTOR-R201 session revoked: " + rid);
    }

    /** Every access token of {@code subject} issued until now is rejected. */
    void revokeSubject(String subject) {
        publisher.publish(RevocationEvent.subject(subject, clock.instant(), until()));
        events.revoked();
        LOG.info("ROTOR-R202 all tokens of a user revoked");
    }

    private Instant until() {
        return clock.instant().plus(entryLifetime);
    }
}
