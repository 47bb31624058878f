package dev.rotor.filter.verification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The rate limit on JWKS fetches caused by unknown kids: at most one per window. A caller inside the window is
 * never turned away empty-handed for good: one fetch is scheduled for the window's end, however many ask.
 */
final class UnknownKidFetches {

    private static final Logger LOG = Logger.getLogger(UnknownKidFetches.class.getName());

    private final JwksRefresher refresher;
    private final Clock clock;
    private final Duration window;
    private final ScheduledExecutorService scheduler;
    private Instant last;
    private ScheduledFuture<?> windowEnd;
    private boolean closed;

    UnknownKidFetches(JwksRefresher refresher, Clock clock, Duration window, ScheduledExecutorService scheduler) {
        this.refresher = refresher;
        this.clock = clock;
        this.window = window;
        this.scheduler = scheduler;
    }

    /** @return the fetch to wait for, or {@code null} when rate-limited; then one is scheduled at the window's end */
    synchronized CompletableFuture<Void> fetchOrSchedule() {
        CompletableFuture<Void> running = refresher.running();
        if (running != null) {
            return running;
        }
        Instant now = clock.instant();
        if (last == null || !now.isBefore(last.plus(window))) {
            last = now;
            return refresher.refresh();
        }
        scheduleAtWindowEnd(now);
        return null;
    }

    /** Makes sure a fetch starts no later than the end of the current window: at once if the window is over. */
    synchronized void scheduleAtWindowEnd() {
        scheduleAtWindowEnd(clock.instant());
    }

    synchronized void close() {
        closed = true;
        if (windowEnd != null) {
            windowEnd.cancel(false);
        }
    }

    private void scheduleAtWindowEnd(Instant now) {
        if (closed || windowEnd != null && !windowEnd.isDone()) {
            return;
        }
        Instant end = last == null ? now : last.plus(window);
        if (!now.isBefore(end)) {
            // at once, and queued behind a fetch under way, so that callers waiting for that one can wait for this
            last = now;
            refresher.refreshAfterCurrent();
            return;
        }
        long delay = Duration.between(now, end).toMillis();
        try {
            windowEnd = scheduler.schedule(this::fetchAtWindowEnd, Math.max(1, delay), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.fine("ROTOR-V115 the scheduler refused a JWKS fetch for unknown kids");
        }
    }

    private void fetchAtWindowEnd() {
        synchronized (this) {
            last = clock.instant();
        }
        refresher.refresh();
    }
}
