package dev.rotor.testsupport;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/** Samples a health flag every 10 ms in the background and adds up how long it was false: a stale mirror's outage. */
public final class TrustWatch implements AutoCloseable {

    private static final Duration STEP = Duration.ofMillis(10);

    private final AtomicLong untrustedNanos = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    private TrustWatch(BooleanSupplier trusted) {
        sampler = new Thread(() -> {
            long last = System.nanoTime();
            while (running) {
                boolean ok = trusted.getAsBoolean();
                long now = System.nanoTime();
                if (!ok) {
                    untrustedNanos.addAndGet(now - last);
                }
                last = now;
                try {
                    Thread.sleep(STEP.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "trust-watch");
        sampler.setDaemon(true);
    }

    public static TrustWatch start(BooleanSupplier trusted) {
        TrustWatch watch = new TrustWatch(trusted);
        watch.sampler.start();
        return watch;
    }

    /** Stops sampling and returns how long the flag was false. */
    public Duration stop() {
        running = false;
        try {
            sampler.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return untrustedTime();
    }

    public Duration untrustedTime() {
        return Duration.ofNanos(untrustedNanos.get());
    }

    @Override
    public void close() {
        stop();
    }
}
