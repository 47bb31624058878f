package dev.rotor.filter.verification;

import dev.rotor.filter.protocol.JsonWebKey;
import dev.rotor.filter.configuration.VerifierConfig;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * Resolves a token's {@code kid} to a public key from the issuer's JWKS, at the configured URL or the one the issuer's
 * metadata names, never at a URL from a token. Thread-safe.
 * <ul>
 *   <li>All keys of the last good JWKS are cached, and refreshed in the background before its max-age runs out.</li>
 *   <li>An unknown kid causes at most one refresh per {@code jwks-refresh-interval}, shared by all callers that
 *       wait for it; kids that a refresh did not find are remembered for a while, so floods of random kids fetch
 *       nothing and never delay known kids.</li>
 *   <li>A failed, slow, malformed or empty response never replaces the cached keys (stale-if-error).</li>
 *   <li>A lookup returns within the HTTP timeout.</li>
 * </ul>
 */
public final class KeyResolver implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KeyResolver.class.getName());
    static final int MAX_KID_LENGTH = 128;
    private static final int MISSED_KID_CAPACITY = 4096;
    private static final int MISSED_KID_TTL_INTERVALS = 6;

    private final JwksRefresher refresher;
    private final Clock clock;
    private final Duration timeout;
    private final Duration refreshInterval;
    private final ScheduledExecutorService ownedScheduler;
    private final MissedKeyIds missed;
    private final Object lock = new Object();
    private Instant lastUnknownKidRefresh;

    private KeyResolver(JwksSource source, VerifierConfig config, Clock clock, ScheduledExecutorService scheduler,
                        boolean owned) {
        this.refresher = new JwksRefresher(source, config.jwksRefreshInterval(), scheduler);
        this.clock = clock;
        this.timeout = config.httpTimeout();
        this.refreshInterval = config.jwksRefreshInterval();
        this.ownedScheduler = owned ? scheduler : null;
        this.missed = new MissedKeyIds(MISSED_KID_CAPACITY, refreshInterval.multipliedBy(MISSED_KID_TTL_INTERVALS));
    }

    /**
     * Starts resolving keys from {@code config.jwksUri()}, or the JWKS the issuer's metadata names when it is not
     * configured, fetching the JWKS at once in the background.
     *
     * @param scheduler runs the background refreshes and HTTP callbacks, e.g. a container's managed scheduled
     *                  executor; the caller keeps owning it, and {@link #close()} only cancels this resolver's tasks
     */
    public static KeyResolver start(VerifierConfig config, Clock clock, ScheduledExecutorService scheduler) {
        return started(new KeyResolver(source(config, scheduler), config, clock, scheduler, false));
    }

    /** Like {@link #start(VerifierConfig, Clock, ScheduledExecutorService)}, with a scheduler that {@link #close()} stops. */
    public static KeyResolver start(VerifierConfig config, Clock clock, ThreadFactory threadFactory) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(threadFactory);
        return started(new KeyResolver(source(config, scheduler), config, clock, scheduler, true));
    }

    /**
     * Like {@link #start(VerifierConfig, Clock, ThreadFactory)}, with keys from {@code source} instead of
     * {@code config.jwksUri()}: for an application that holds the keys itself.
     */
    public static KeyResolver start(JwksSource source, VerifierConfig config, Clock clock, ThreadFactory threadFactory) {
        return started(new KeyResolver(source, config, clock, Executors.newSingleThreadScheduledExecutor(threadFactory),
                true));
    }

    /** The configured JWKS URL, or else the one the issuer's metadata names. */
    private static JwksSource source(VerifierConfig config, ScheduledExecutorService scheduler) {
        return config.jwksUri() != null ? new JwksClient(config.jwksUri(), config.httpTimeout(), scheduler)
                : new DiscoveredJwks(config, scheduler);
    }

    private static KeyResolver started(KeyResolver resolver) {
        resolver.refresher.refresh();
        return resolver;
    }

    /** @return the key with this id, or empty if the issuer does not publish it or could not be asked in time */
    public Optional<JsonWebKey> resolve(String kid) {
        if (kid == null || kid.isEmpty() || kid.length() > MAX_KID_LENGTH) {
            return Optional.empty();
        }
        JsonWebKey key = refresher.key(kid);
        if (key != null || missed.contains(kid, clock.instant())) {
            return Optional.ofNullable(key);
        }
        CompletableFuture<Void> refresh = refreshForUnknownKid();
        if (refresh != null) {
            await(refresh);
        }
        key = refresher.key(kid);
        if (key == null) {
            missed.add(kid, clock.instant());
        }
        return Optional.ofNullable(key);
    }

    /** Stops the background refreshes; the scheduler itself is shut down only if this resolver created it. */
    @Override
    public void close() {
        refresher.close();
        if (ownedScheduler != null) {
            ownedScheduler.shutdownNow();
        }
    }

    /** @return the shared refresh to wait for, or {@code null} when rate-limited */
    private CompletableFuture<Void> refreshForUnknownKid() {
        synchronized (lock) {
            CompletableFuture<Void> running = refresher.running();
            if (running != null) {
                return running;
            }
            Instant now = clock.instant();
            if (lastUnknownKidRefresh != null && now.isBefore(lastUnknownKidRefresh.plus(refreshInterval))) {
                return null;
            }
            lastUnknownKidRefresh = now;
            return refresher.refresh();
        }
    }

    private void await(CompletableFuture<Void> refresh) {
        try {
            refresh.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            LOG.fine("ROTOR-V114 gave up waiting for the JWKS refresh");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
