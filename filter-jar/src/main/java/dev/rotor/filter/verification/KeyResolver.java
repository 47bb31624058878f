package dev.rotor.filter.verification;

import dev.rotor.filter.configuration.VerifierConfig;
import dev.rotor.filter.protocol.JsonWebKey;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Resolves a token's {@code kid} to a public key from the issuer's JWKS, at the configured URL or the one the issuer's
 * metadata names, never at a URL from a token. Thread-safe.
 * <ul>
 *   <li>All keys of the last good JWKS are cached, and refreshed in the background before its max-age runs out.</li>
 *   <li>An unknown kid causes at most one fetch per {@code jwks-refresh-interval}, shared by all callers that wait
 *       for it. A kid first seen while that limit holds is not dropped: one fetch is scheduled for the end of the
 *       window, however many kids arrive meanwhile. A lookup waits only for a fetch that started after its kid was
 *       seen (or one started right after it, if the window allows). A kid counts as absent only once such a fetch
 *       did not hold it; such kids are remembered for a while, so floods of random kids fetch no more than once
 *       per window and never delay known kids.</li>
 *   <li>{@link #keyAnnounced} (an issuer's push notification) refreshes at once, single-flight: one fetch runs and
 *       at most one more waits, however many announcements arrive.</li>
 *   <li>A failed, slow, malformed or empty response never replaces the cached keys (stale-if-error).</li>
 *   <li>A lookup returns within the HTTP timeout.</li>
 * </ul>
 */
public final class KeyResolver implements AutoCloseable {

    static final int MAX_KID_LENGTH = 128;
    private static final int UNKNOWN_KID_CAPACITY = 4096;
    private static final int MISSED_KID_TTL_INTERVALS = 6;

    private final JwksRefresher refresher;
    private final Clock clock;
    private final Duration timeout;
    private final ScheduledExecutorService scheduler;
    private final boolean ownsScheduler;
    private final UnknownKids unknown;
    private final UnknownKidFetches unknownKidFetches;

    private KeyResolver(JwksSource source, VerifierConfig config, Clock clock, ScheduledExecutorService scheduler,
                        boolean owned) {
        this.refresher = new JwksRefresher(source, config.jwksRefreshInterval(), scheduler, this::fetched);
        this.clock = clock;
        this.timeout = config.httpTimeout();
        this.scheduler = scheduler;
        this.ownsScheduler = owned;
        this.unknown = new UnknownKids(UNKNOWN_KID_CAPACITY, new MissedKeyIds(UNKNOWN_KID_CAPACITY,
                config.jwksRefreshInterval().multipliedBy(MISSED_KID_TTL_INTERVALS)));
        this.unknownKidFetches = new UnknownKidFetches(refresher, clock, config.jwksRefreshInterval(), scheduler);
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
        if (!isPlausible(kid)) {
            return Optional.empty();
        }
        JsonWebKey key = refresher.key(kid);
        if (key != null || unknown.isMissed(kid, clock.instant())) {
            return Optional.ofNullable(key);
        }
        long fetchesBefore = refresher.started();
        unknown.seen(kid, fetchesBefore);
        long deadline = System.nanoTime() + timeout.toNanos();
        CompletableFuture<Void> refresh = unknownKidFetches.fetchOrSchedule();
        if (refresh != null) {
            await(refresh, deadline);
            // that fetch may have started before the kid was seen; then settling it started a later one if the
            // window allowed, and only that one can tell
            CompletableFuture<Void> later = refresher.key(kid) == null ? refresher.runningAfter(fetchesBefore) : null;
            if (later != null && later != refresh) {
                await(later, deadline);
            }
        }
        return Optional.ofNullable(refresher.key(kid));
    }

    /**
     * An issuer announced that it published a key (for example over Redis pub/sub): fetch the JWKS now unless the
     * key is already known, so tokens signed by it verify at once. Safe against floods: one fetch runs and at most
     * one more waits, however many announcements arrive. Returns at once.
     *
     * @param kid the announced key id, or {@code null} if the announcement names none
     */
    public void keyAnnounced(String kid) {
        if (kid != null && (!isPlausible(kid) || refresher.key(kid) != null)) {
            return;
        }
        if (kid != null) {
            unknown.forget(kid);
        }
        refresher.refreshAfterCurrent();
    }

    /** Stops the background refreshes; the scheduler itself is shut down only if this resolver created it. */
    @Override
    public void close() {
        unknownKidFetches.close();
        refresher.close();
        if (ownsScheduler) {
            scheduler.shutdownNow();
        }
    }

    /** For tests: whether a JWKS fetch is under way. */
    boolean isFetching() {
        return refresher.running() != null;
    }

    private static boolean isPlausible(String kid) {
        return kid != null && !kid.isEmpty() && kid.length() <= MAX_KID_LENGTH;
    }

    /** After every fetch: settle the kids it could answer, and make sure a later fetch answers the others. */
    private void fetched(long fetch) {
        if (unknown.settle(fetch, kid -> refresher.key(kid) != null, clock.instant())) {
            unknownKidFetches.scheduleAtWindowEnd();
        }
    }

    private static void await(CompletableFuture<Void> refresh, long deadline) {
        try {
            refresh.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // the refresher logs the failed fetch once; a token that waited in vain is rejected as unknown
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
