package dev.rotor.filter.configuration;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Typed, validated reads from one key→value source (MicroProfile Config, web.xml parameters, the environment).
 * Every failure is an {@link InvalidSettingException} that names the key, so a bad deployment says what to fix.
 * A key renamed in a later version is still read under its old name, with one warning that names the new one.
 */
public final class Settings {

    /** The application's scope for system properties and environment variables, e.g. {@code orders}. */
    public static final String SCOPE = "rotor.scope";

    private static final Logger LOG = Logger.getLogger(Settings.class.getName());
    private static final Pattern SCOPE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private final Function<String, Optional<String>> source;
    private final Map<String, String> formerNames;

    private Settings(Function<String, Optional<String>> source, Map<String, String> formerNames) {
        this.source = source;
        this.formerNames = formerNames;
    }

    public static Settings from(Function<String, Optional<String>> source) {
        return new Settings(key -> source.apply(key).map(String::strip).filter(value -> !value.isEmpty()), Map.of());
    }

    /**
     * Reads {@code key} as a system property, then as an environment variable named like MicroProfile Config does
     * ({@code rotor.redis.url} → {@code ROTOR_REDIS_URL}), then from {@code fallback} (an application's own
     * parameters). Where {@code fallback} sets {@value #SCOPE}, say to {@code orders}, the system property and the
     * environment variable are read as {@code orders.rotor.redis.url} and {@code ORDERS_ROTOR_REDIS_URL} instead, so
     * that options meant for another application on the same server never reach this one.
     */
    public static Settings systemThenEnvironmentThen(Function<String, Optional<String>> fallback) {
        String scope = fallback.apply(SCOPE).map(String::strip).orElse("");
        if (!scope.isEmpty() && !SCOPE_NAME.matcher(scope).matches()) {
            throw new InvalidSettingException(SCOPE, "must be 1 to 32 lower-case letters, digits and -");
        }
        String prefix = scope.isEmpty() ? "" : scope + ".";
        return from(key -> Optional.ofNullable(System.getProperty(prefix + key))
                .or(() -> Optional.ofNullable(System.getenv(environmentName(prefix + key))))
                .or(() -> fallback.apply(key)));
    }

    /**
     * These settings, where each key of {@code formerNames} (an old name) is read when its new name (the value) is
     * not set. The new name wins when both are.
     */
    public Settings withFormerNames(Map<String, String> formerNames) {
        return new Settings(source, Map.copyOf(formerNames));
    }

    public static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    public Optional<String> optional(String key) {
        Optional<String> value = source.apply(key);
        if (value.isPresent() || formerNames.isEmpty()) {
            return value;
        }
        for (Map.Entry<String, String> renamed : formerNames.entrySet()) {
            if (renamed.getValue().equals(key)) {
                Optional<String> former = source.apply(renamed.getKey());
                if (former.isPresent()) {
                    if (WARNED.add(renamed.getKey())) {
                        LOG.warning(() -> "ROTOR-A003 setting " + renamed.getKey() + " is deprecated: use " + key
                                + " (environment variable " + environmentName(key) + ")");
                    }
                    return former;
                }
            }
        }
        return Optional.empty();
    }

    /** @throws InvalidSettingException naming {@code key} when it is not set */
    public String required(String key) {
        return optional(key).orElseThrow(() -> new InvalidSettingException(key, "is required"));
    }

    public String string(String key, String defaultValue) {
        return optional(key).orElse(defaultValue);
    }

    public Duration duration(String key, Duration defaultValue) {
        Duration value = optional(key).map(text -> parseDuration(key, text)).orElse(defaultValue);
        if (value.isNegative() || value.isZero()) {
            throw new InvalidSettingException(key, "must be a positive duration");
        }
        return value;
    }

    /** Like {@link #duration} but zero is allowed, e.g. for a clock-skew leeway. */
    public Duration nonNegativeDuration(String key, Duration defaultValue) {
        Duration value = optional(key).map(text -> parseDuration(key, text)).orElse(defaultValue);
        if (value.isNegative()) {
            throw new InvalidSettingException(key, "must not be negative");
        }
        return value;
    }

    public int positiveInt(String key, int defaultValue) {
        int value = optional(key).map(text -> parseInt(key, text)).orElse(defaultValue);
        if (value <= 0) {
            throw new InvalidSettingException(key, "must be a positive number");
        }
        return value;
    }

    public URI httpUri(String key, String defaultValue) {
        URI uri = parseUri(key, string(key, defaultValue));
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new InvalidSettingException(key, "must be an absolute http(s) URL");
        }
        return uri;
    }

    public <E extends Enum<E>> E oneOf(String key, Class<E> type, E defaultValue) {
        return optional(key).map(text -> parseEnum(key, type, text)).orElse(defaultValue);
    }

    public List<String> list(String key, String defaultValue) {
        return Arrays.stream(string(key, defaultValue).split(","))
                .map(String::strip)
                .filter(item -> !item.isEmpty())
                .toList();
    }

    static URI parseUri(String key, String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new InvalidSettingException(key, "is not a valid URL");
        }
    }

    private static Duration parseDuration(String key, String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidSettingException(key, "must be an ISO-8601 duration such as PT15M");
        }
    }

    private static int parseInt(String key, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(key, "must be a whole number");
        }
    }

    private static <E extends Enum<E>> E parseEnum(String key, Class<E> type, String text) {
        return Arrays.stream(type.getEnumConstants())
                .filter(constant -> constant.name().equalsIgnoreCase(text.replace('-', '_')))
                .findFirst()
                .orElseThrow(() -> new InvalidSettingException(key,
                        "must be one of " + Arrays.toString(type.getEnumConstants())));
    }
}
