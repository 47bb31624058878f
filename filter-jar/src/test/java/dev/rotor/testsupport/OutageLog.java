package dev.rotor.testsupport;

import redis.clients.jedis.exceptions.JedisException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * Runs a Redis call again and again until it succeeds or the time is up, and records what Jedis threw meanwhile: to
 * measure how long a failover keeps a caller failing, and with which exceptions.
 */
public final class OutageLog {

    private static final Duration STEP = Duration.ofMillis(50);

    private final Map<String, JedisException> distinct = new LinkedHashMap<>();
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private long started;
    private long firstFailure = -1;
    private long succeeded = -1;

    private OutageLog() {
    }

    public static OutageLog retry(Runnable call, Duration timeout) {
        OutageLog log = new OutageLog();
        log.started = System.nanoTime();
        long deadline = log.started + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                call.run();
                log.succeeded = System.nanoTime();
                return log;
            } catch (JedisException e) {
                log.record(e);
                Await.pause(STEP);
            }
        }
        return log;
    }

    /**
     * Runs {@code call} again and again, through a failover for example, until {@code done} is true and a call after
     * that has succeeded, or the time is up.
     */
    public static OutageLog repeat(Runnable call, BooleanSupplier done, Duration timeout) {
        OutageLog log = new OutageLog();
        log.started = System.nanoTime();
        long deadline = log.started + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            boolean finished = done.getAsBoolean();
            try {
                call.run();
                if (finished) {
                    log.succeeded = System.nanoTime();
                    return log;
                }
            } catch (JedisException e) {
                log.record(e);
            }
            Await.pause(STEP);
        }
        return log;
    }

    public boolean succeeded() {
        return succeeded >= 0;
    }

    /** From the first failure to the final success; zero if the call never failed. */
    public Duration outage() {
        return firstFailure < 0 || succeeded < 0 ? Duration.ZERO : Duration.ofNanos(succeeded - firstFailure);
    }

    /** From the start of {@link #retry} to the success. */
    public Duration untilSuccess() {
        return Duration.ofNanos((succeeded < 0 ? System.nanoTime() : succeeded) - started);
    }

    /** The first exception of each kind (class and message). */
    public List<JedisException> failures() {
        return new ArrayList<>(distinct.values());
    }

    public String summary() {
        return "succeeded=" + succeeded() + " after " + untilSuccess().toMillis() + " ms; failures: "
                + counts.entrySet().stream().map(entry -> entry.getValue() + "x " + entry.getKey())
                .collect(Collectors.joining("; "));
    }

    private void record(JedisException e) {
        if (firstFailure < 0) {
            firstFailure = System.nanoTime();
        }
        String kind = e.getClass().getSimpleName() + ": " + e.getMessage()
                + (e.getCause() == null ? "" : " (cause " + e.getCause().getClass().getSimpleName() + ")");
        distinct.putIfAbsent(kind, e);
        counts.merge(kind, 1, Integer::sum);
    }
}
