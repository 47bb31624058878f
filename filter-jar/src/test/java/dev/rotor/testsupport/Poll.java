package dev.rotor.testsupport;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waiting for a condition with a deadline, never a fixed sleep. */
public final class Poll {

    private static final Duration STEP = Duration.ofMillis(10);

    private Poll() {
    }

    /** @return whether {@code condition} became true within {@code timeout} */
    public static boolean until(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            pause(STEP);
        }
        return condition.getAsBoolean();
    }

    /** Like {@link #until} but throws {@link AssertionError} with {@code what} when the time is up. */
    public static void await(BooleanSupplier condition, Duration timeout, Supplier<String> what) {
        if (!until(condition, timeout)) {
            throw new AssertionError("not within " + timeout + ": " + what.get());
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
