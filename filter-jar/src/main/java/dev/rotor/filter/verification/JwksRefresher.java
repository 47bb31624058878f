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
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Holds the keys of the last good JWKS and refreshes them: one fetch at a time however many callers ask, and again
 * in the background before the response's max-age runs out. A failed or empty fetch keeps the cached keys.
 */
final class JwksRefresher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(JwksRefresher.class.getName());
    private static final Duration MAX_REFRESH_DELAY = Duration.ofHours(1);

    private final JwksSource source;
    private final Duration minDelay;
    private final ScheduledExecutorService scheduler;
    private final Object lock = new Object();
    private volatile Map<String, JsonWebKey> keys = Map.of();
    private CompletableFuture<Void> inFlight;
    private ScheduledFuture<?> nextRefresh;
    private boolean closed;

    /** @param minDelay the shortest time between background refreshes, and the retry delay after a failure */
    JwksRefresher(JwksSource source, Duration minDelay, ScheduledExecutorService scheduler) {
        this.source = source;
        this.minDelay = minDelay;
        this.scheduler = scheduler;
    }

    JsonWebKey key(String kid) {
        return keys.get(kid);
    }

    /** @return the fetch under way, or {@code null} */
    CompletableFuture<Void> running() {
        synchronized (lock) {
            return inFlight;
        }
    }

    /** Starts a fetch unless one is running. @return the running fetch; it never completes exceptionally */
    CompletableFuture<Void> refresh() {
        synchronized (lock) {
            if (inFlight != null) {
                return inFlight;
            }
            CompletableFuture<Void> done = new CompletableFuture<>();
            inFlight = done;
            source.fetch().thenApply(JwksRefresher::parse).whenComplete((document, failure) -> {
                Duration next = failure == null ? accept(document) : rejected(failure);
                synchronized (lock) {
                    inFlight = null;
                }
                done.complete(null);
                scheduleRefresh(next);
            });
            return done;
        }
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

    private static JwksDocument parse(JwksSource.Document document) {
        return JwksDocument.parse(document.body(), document.maxAge())
                .orElseThrow(() -> new JwksClient.JwksUnavailableException("not a JSON Web Key Set"));
    }

    private Duration accept(JwksDocument document) {
        if (document.keys().isEmpty()) {
            // before the first key: usually an issuer still starting, so not yet worth a warning
            LOG.log(keys.isEmpty() ? Level.INFO : Level.WARNING,
                    "ROTOR-V112 JWKS has no usable key, keeping {0} cached key(s)", keys.size());
            return minDelay;
        }
        keys = document.keys();
        LOG.fine(() -> "ROTOR-V113 JWKS loaded with " + document.keys().size() + " key(s)");
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
