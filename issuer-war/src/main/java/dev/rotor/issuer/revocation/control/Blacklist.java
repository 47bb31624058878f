package dev.rotor.issuer.revocation.control;

import dev.rotor.filter.protocol.RevocationEvent;
import dev.rotor.filter.redis.RedisConnections;
import dev.rotor.issuer.configuration.IssuerConfig;
import dev.rotor.issuer.keys.control.TokenLifetimes;
import dev.rotor.issuer.operations.control.SecurityEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Writes revocations to the Redis blacklist and publishes them to every verifier. Each entry lives exactly as long
 * as a token it rejects could still be accepted: one access-token lifetime plus the verifiers' leeway, that of the
 * instance whose tokens live longest ({@link TokenLifetimes}). Callers end sessions through {@link
 * SessionTermination}, which knows the safe order.
 */
@ApplicationScoped
public class Blacklist {

    private static final Logger LOG = Logger.getLogger(Blacklist.class.getName());

    private final RevocationPublisher publisher;
    private final TokenLifetimes lifetimes;
    private final Clock clock;
    private final SecurityEvents events;

    @Inject
    public Blacklist(RedisConnections redis, IssuerConfig config, TokenLifetimes lifetimes, Clock clock,
                     SecurityEvents events) {
        this.publisher = new RevocationPublisher(redis, config.redisNames(), clock);
        this.lifetimes = lifetimes;
        this.clock = clock;
        this.events = events;
    }

    protected Blacklist() {
        this.publisher = null;
        this.lifetimes = null;
        this.clock = null;
        this.events = null;
    }

    /**
     * Every access token of the session {@code rid} is rejected from now on.
     *
     * @throws dev.rotor.issuer.availability.RedisUnavailableException if Redis cannot be written
     */
    void revokeSession(String rid) {
        Instant now = clock.instant();
        publisher.publish(RevocationEvent.rid(rid, now.plus(lifetimes.longest(now))));
        events.revoked();
        LOG.info(() -> "ROTOR-R201 session revoked: " + rid);
    }

    /** Every access token of {@code subject} issued until now is rejected. */
    void revokeSubject(String subject) {
        Instant now = clock.instant();
        publisher.publish(RevocationEvent.subject(subject, now, now.plus(lifetimes.longest(now))));
        events.revoked();
        LOG.info("ROTOR-R202 all tokens of a user revoked");
    }
}
