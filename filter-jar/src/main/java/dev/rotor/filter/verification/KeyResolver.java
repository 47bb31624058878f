package dev.rotor.filter.verification;

import dev.rotor.filter.configuration.VerifierConfig;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * Resolves a token's {@code kid} to a public key from the issuer's JWKS. Thread-safe.
 * <ul>
 *   <li>All keys of the last good JWKS are cached, and refreshed in the background before its max-age runs out.</li>
 *   <li>An unknown kid causes at most one refresh per refresh interval, shared by all callers that wait for it;
 *       kids that a refresh did not find are remembered for a while, so floods of random kids fetch nothing.</li>
 *   <li>A failed, slow, malformed or empty response never replaces the cached keys (stale-if-error).</li>
 *   <li>A lookup returns within the HTTP timeout.</li>
 * </ul>
 */
public final class KeyResolver implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KeyResolver.class.getName());
    static final int MAX_KID_LENGTH = 128;
    private static final int MISSED_KID_CAPACITY = 4096;
    private static final int MISSED_KID_TTL_INTERVALS = 6;
    private static final Duration MAX_REFRESH_DELAY = Duration.ofHours(1);

    private final JwksClient client;
    private final Clock clock;
    private final Duration timeout;
    private final Duration refreshInterval;
    private final ScheduledExecutorService scheduler;
    private final boolean ownsScheduler;
    private final MissedKeyIds missed;
    private final Object lock = new Object();
    private volatile Map<String, JsonWebKey> keys = Map.of();
    private CompletableFuture<Void> inFlight;
    private Instant lastUnknownKidFetch;
    private ScheduledFuture<?> nextRefresh;
    private boolean closed;

    KeyResolver(URI jwksUri, Duration timeout, Duration refreshInterval, Clock clock,
                ScheduledExecutorService scheduler, boolean ownsScheduler) {
        this.client = new JwksClient(jwksUri, timeout, scheduler);
        this.clock = clock;
        this.timeout = timeout;
        this.refreshInterval = refreshInterval;
        this.scheduler = scheduler;
        this.ownsScheduler = ownsScheduler;
        this.missed = new MissedKeyIds(MISSED_KID_CAPACITY, refreshInterval.multipliedBy(MISSED_KID_TTL_INTERVALS));
    }

    /**
     * Starts resolving keys from {@code config.jwksUri()}, fetching the JWKS at once in the background.
     *
     * @param scheduler runs the background refreshes, e.g. a container's managed scheduled executor; the caller
     *                  keeps owning it, and {@link #close()} only cancels this resolver's tasks
     */
    public static KeyResolver start(VerifierConfig config, Clock clock, ScheduledExecutorService scheduler) {
        return started(new KeyResolver(config.jwksUri(), config.httpTimeout(), config.jwksRefreshInterval(), clock,
                scheduler, false));
    }

    /** Like {@link #start(VerifierConfig, Clock, ScheduledExecutorService)}, with a scheduler that {@link #close()} stops. */
    public static KeyResolver start(VerifierConfig config, Clock clock, ThreadFactory threadFactory) {
        return started(new KeyResolver(config.jwksUri(), config.httpTimeout(), config.jwksRefreshInterval(), clock,
                Executors.newSingleThreadScheduledExecutor(threadFactory), true));
    }

    static KeyResolver started(KeyResolver resolver) {
        resolver.fetch();
        return resolver;
    }

    /**
     * @return the key with this id, or empty if the issuer does not publish it (or could not be asked in time)
     */
    public Optional<JsonWebKey> resolve(String kid) {
        if (kid == null || kid.isEmpty() || kid.length() > MAX_KID_LENGTH) {
            return Optional.empty();
        }
        JsonWebKey key = keys.get(kid);
        if (key != null) {
            return Optional.of(key);
        }
        if (missed.contains(kid, clock.instant())) {
            return Optional.empty();
        }
        CompletableFuture<Void> refresh = refreshForUnknownKid();
        if (refresh != null) {
            await(refresh);
        }
        key = keys.get(kid);
        if (key == null) {
            missed.add(kid, clock.instant());
            LOG.fine(() -> "ROTOR-V110 no JWKS key for kid " + LogText.escape(kid));
        }
        return Optional.ofNullable(key);
    }

    /** Stops the background refreshes; the scheduler itself is shut down only if this resolver created it. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            if (nextRefresh != null) {
                nextRefresh.cancel(false);
            }
        }
        if (ownsScheduler) {
            scheduler.shutdownNow();
        }
    }

    /** @return the shared refresh to wait for, or {@code null} when rate-limited */
    private CompletableFuture<Void> refreshForUnknownKid() {
        synchronized (lock) {
            if (inFlight != null) {
                return inFlight;
            }
            Instant now = clock.instant();
            if (lastUnknownKidFetch != null && now.isBefore(lastUnknownKidFetch.plus(refreshInterval))) {
                return null;
            }
            lastUnknownKidFetch = now;
            return fetch();
        }
    }

    /** Starts a fetch unless one is running, and returns the one that is. */
    private CompletableFuture<Void> fetch() {
        synchronized (lock) {
            if (inFlight != null) {
                return inFlight;
            }
            CompletableFuture<Void> done = new CompletableFuture<>();
            inFlight = done;
            client.fetch().whenComplete((document, failure) -> {
                Duration next = failure == null ? accept(document) : refreshInterval;
                if (failure != null) {
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    LOG.warning(() -> "ROTOR-V111 JWKS refresh failed, keeping " + keys.size()
                            + " cached key(s): " + cause.getClass().getSimpleName());
                }
                synchronized (lock) {
                    inFlight = null;
                }
                done.complete(null);
                scheduleRefresh(next);
            });
            return done;
        }
    }

    private Duration accept(JwksDocument document) {
        if (document.keys().isEmpty()) {
            LOG.warning(() -> "ROTOR-V112 JWKS has no usable key, keeping " + keys.size() + " cached key(s)");
            return refreshInterval;
        }
        keys = document.keys();
        LOG.fine(() -> "ROTOR-V113 JWKS loaded with " + document.keys().size() + " key(s)");
        Duration ahead = document.maxAge().multipliedBy(4).dividedBy(5);
        if (ahead.compareTo(refreshInterval) < 0) {
            return refreshInterval;
        }
        return ahead.compareTo(MAX_REFRESH_DELAY) > 0 ? MAX_REFRESH_DELAY : ahead;
    }

    private void scheduleRefresh(Duration delay) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            if (nextRefresh != null) {
                nextRefresh.cancel(false);
            }
            try {
                nextRefresh = scheduler.schedule(this::fetch, delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                LOG.warning("ROTOR-V115 the scheduler refused the next JWKS refresh; keys refresh on demand only");
            }
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
