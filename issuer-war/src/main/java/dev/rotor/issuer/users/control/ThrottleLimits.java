package dev.rotor.issuer.users.control;

import dev.rotor.filter.configuration.Settings;

import java.time.Duration;
import java.util.Objects;

/**
 * How many failed logins {@link LoginThrottle} allows within one window, per account and per client address.
 *
 * @param perAccount failures of one account, from anywhere, before it is throttled
 * @param perClient  failures from one client address, over any accounts, before it is throttled
 * @param window     how long a failure counts, from the first failure of the window
 */
public record ThrottleLimits(int perAccount, int perClient, Duration window) {

    public ThrottleLimits {
        Objects.requireNonNull(window, "window");
        if (perAccount < 1 || perClient < 1 || window.toMillis() < 1) {
            throw new IllegalArgumentException("throttle limits and window must be positive");
        }
    }

    public static final String PER_ACCOUNT = "rotor.login.max-failures-per-account";
    public static final String PER_CLIENT = "rotor.login.max-failures-per-client";
    public static final String WINDOW = "rotor.login.failure-window";

    /** @throws dev.rotor.filter.configuration.InvalidSettingException naming the first bad key */
    public static ThrottleLimits from(Settings settings) {
        ThrottleLimits defaults = defaults();
        return new ThrottleLimits(settings.positiveInt(PER_ACCOUNT, defaults.perAccount()),
                settings.positiveInt(PER_CLIENT, defaults.perClient()), settings.duration(WINDOW, defaults.window()));
    }

    /** 5 failures per account and 20 per client address in 15 minutes. */
    public static ThrottleLimits defaults() {
        return new ThrottleLimits(5, 20, Duration.ofMinutes(15));
    }
}
