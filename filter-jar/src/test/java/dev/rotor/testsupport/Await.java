package dev.rotor.testsupport;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** {@link Poll} that fails the test with a description, and the short pause between two attempts of a retry loop. */
public final class Await {

    private Await() {
    }

    /** @throws AssertionError saying {@code what} if {@code condition} did not become true within {@code timeout} */
    public static void that(BooleanSupplier condition, Duration timeout, Supplier<String> what) {
        if (!Poll.until(timeout, condition)) {
            throw new AssertionError("not within " + timeout + ": " + what.get());
        }
    }

    /** One short wait inside a loop that is itself bounded by a deadline. */
    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
