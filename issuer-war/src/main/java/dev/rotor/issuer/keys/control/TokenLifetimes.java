package dev.rotor.issuer.keys.control;

import dev.rotor.issuer.configuration.IssuerConfig;
import dev.rotor.issuer.keys.entity.PublishedKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * How long a token of any instance behind this issuer URL can still be accepted: this instance's access-token
 * lifetime plus leeway, or longer where a live key of another instance says its tokens live longer. A revocation
 * lasts that long, so it outlives every token it rejects even while instances disagree on {@code
 * rotor.tokens.access-ttl} (during a rolling change of it, say).
 */
@ApplicationScoped
public class TokenLifetimes {

    private static final Logger LOG = Logger.getLogger(TokenLifetimes.class.getName());

    private final PublicKeyRegistry registry;
    private final Duration own;
    private final AtomicBoolean warned = new AtomicBoolean();

    @Inject
    public TokenLifetimes(PublicKeyRegistry registry, IssuerConfig config) {
        this(registry, config.accessTtl().plus(config.leeway()));
    }

    public TokenLifetimes(PublicKeyRegistry registry, Duration own) {
        this.registry = registry;
        this.own = own;
    }

    protected TokenLifetimes() {
        this.registry = null;
        this.own = null;
    }

    /**
     * The longest at {@code now}, read from the registry.
     *
     * @throws dev.rotor.issuer.availability.RedisUnavailableException if the registry cannot be read
     */
    public Duration longest(Instant now) {
        Duration longest = registry.live(now).stream().map(PublishedKey::tokenLifetime).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).filter(other -> other.compareTo(own) > 0).orElse(own);
        if (longest != own && warned.compareAndSet(false, true)) {
            LOG.warning(() -> "ROTOR-K104 another instance's tokens live " + longest + ", this instance's " + own
                    + ": revocations last the longer; give every instance the same rotor.tokens.access-ttl and "
                    + "rotor.tokens.leeway");
        }
        return longest;
    }
}
