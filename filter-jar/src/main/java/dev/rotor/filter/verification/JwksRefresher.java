package dev.rotor.filter.verification;

import dev.rotor.filter.protocol.JsonWebKey;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Holds the keys of the last good JWKS and refreshes them: one fetch at a time however many callers ask, at most
 * one more queued behind it, and again in the background before the response's max-age runs out. A failed or empty
 * fetch keeps the cached keys. Fetches are numbered in the order they start, so a caller can tell whether a fetch
 * began after something it saw.
 */
final class JwksRefresher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(JwksRefresher.class.getName());
    private static final Duration MAX_REFRESH_DELAY = Duration.ofHours(1);

    private final JwksSource source;
    private final Duration minDelay;
    private final ScheduledExecutorService scheduler;
    private final LongConsumer fetched;
    private final Object lock = new Object();
    private volatile Map<String, JsonWebKey> keys = Map.of();
    private long started;
    private CompletableFuture<Void> inFlight;
    private CompletableFuture<Void> queued;
    private ScheduledFuture<?> nextRefresh;
    private boolean closed;

    /**
     * @param minDelay the shortest time between background refreshes, and the retry delay after a failure
     * @param fetched  told the number of each finished fetch, successful or not, after its keys are in place and
     *                 before its waiters are released
     */
    JwksRefresher(JwksSource source, Duration minDelay, ScheduledExecutorService scheduler, LongConsumer fetched) {
        this.source = source;
        this.minDelay = minDelay;
        this.scheduler = scheduler;
        this.fetched = fetched;
    }

    JsonWebKey key(String kid) {
        return keys.get(kid);
    }

    /** @return how many fetches have started; the next one to start gets this number plus one */
    long started() {
        synchronized (lock) {
            return started;
        }
    }

    /** @return the fetch under way, or {@code null} */
    CompletableFuture<Void> running() {
        synchronized (lock) {
            return inFlight;
        }
    }

    /** @return the fetch under way if it started after {@code fetchesBefore} fetches had, or {@code null} */
    CompletableFuture<Void> runningAfter(long fetchesBefore) {
        synchronized (lock) {
            return started > fetchesBefore ? inFlight : null;
        }
    }

    /** Starts a fetch unless one is running. @return the running fetch; it never completes exceptionally */
    CompletableFuture<Void> refresh() {
        CompletableFuture<Void> done;
        long number;
        synchronized (lock) {
            if (inFlight != null) {
                return inFlight;
            }
            done = new CompletableFuture<>();
            inFlight = done;
            number = ++started;
        }
        launch(number, done);
        return done;
    }

    /**
     * A fetch that starts now, or right after the one under way, which may have started too early to see what the
     * caller knows has changed. However often this is called, one fetch runs and at most one waits.
     *
     * @return that fetch; it never completes exceptionally
     */
    CompletableFuture<Void> refreshAfterCurrent() {
        synchronized (lock) {
            if (inFlight != null) {
                if (queued == null) {
                    queued = new CompletableFuture<>();
                }
                return queued;
            }
        }
        return refresh();
    }

    /** Cancels the next background refresh and schedules no more. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            if (nextRefresh != null) {
                nextRefresh.cancel(false);
            }
        }
    }

    /** Never called holding the lock: an in-process source may complete, and call back, at once. */
    private void launch(long number, CompletableFuture<Void> done) {
        CompletableFuture<JwksSource.Keys> fetch;
        try {
            fetch = source.fetchKeys();
        } catch (RuntimeException e) {
            fetch = CompletableFuture.failedFuture(e);
        }
        fetch.whenComplete((document, failure) -> finish(number, done, document, failure));
    }

    private void finish(long number, CompletableFuture<Void> done, JwksSource.Keys document, Throwable failure) {
        Duration delay = failure == null && document != null
                ? accept(JwksDocument.of(document.keys(), document.maxAge()))
                : rejected(failure != null ? failure : new NullPointerException("no keys"));
        fetched.accept(number);
        CompletableFuture<Void> next;
        long nextNumber = 0;
        synchronized (lock) {
            next = queued;
            queued = null;
            inFlight = next;
            if (next != null) {
                nextNumber = ++started;
            }
        }
        done.complete(null);
        if (next != null) {
            launch(nextNumber, next);
        }
        scheduleRefresh(delay);
    }

    private Duration accept(JwksDocument document) {
        if (document.keys().isEmpty()) {
            // before the first key: usually an issuer still starting, so not yet worth a warning
            LOG.log(keys.isEmpty() ? Level.INFO : Level.WARNING,
                    "ROTOR-V112 JWKS has no usable key, keeping {0} cached key(s)", keys.size());
            return minDelay;
        }
        keys = document.keys();
        LOG.finer(() -> "ROTOR-V113 JWKS loaded with " + document.keys().size() + " key(s)");
        Duration ahead = document.maxAge().multipliedBy(4).dividedBy(5);
        if (ahead.compareTo(minDelay) < 0) {
            return minDelay;
        }
        return ahead.compareTo(MAX_REFRESH_DELAY) > 0 ? MAX_REFRESH_DELAY : ahead;
    }

    private Duration rejected(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        LOG.warning(() -> "ROTOR-V111 JWKS refresh failed, keeping " + keys.size() + " cached key(s): "
                + cause.getClass().getSimpleName());
        return minDelay;
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
                nextRefresh = scheduler.schedule(this::refresh, delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                LOG.warning("ROTOR-V115 the scheduler refused the next JWKS refresh; keys refresh on demand only");
            }
        }
    }
}
