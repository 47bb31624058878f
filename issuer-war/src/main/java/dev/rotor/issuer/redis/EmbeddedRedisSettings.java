package dev.rotor.issuer.redis;

import dev.rotor.filter.configuration.InvalidSettingException;
import dev.rotor.filter.configuration.Settings;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Where the quick start's embedded Redis keeps its append-only file, so a restart keeps users, sessions and
 * revocations. Read and validated at start, used only when {@code rotor.redis.url} is unset.
 *
 * @param dataDir an absolute folder, created when the embedded Redis starts if it is missing
 */
public record EmbeddedRedisSettings(Path dataDir) {

    public static final String DATA_DIR = "rotor.redis.data-dir";
    public static final String DEFAULT_DATA_DIR = "./rotor-data";

    public EmbeddedRedisSettings {
        if (dataDir == null || !dataDir.isAbsolute()) {
            throw new IllegalArgumentException("the data folder must be an absolute path");
        }
    }

    /** @throws InvalidSettingException if the value is not a usable path */
    public static EmbeddedRedisSettings from(Settings settings) {
        String value = settings.string(DATA_DIR, DEFAULT_DATA_DIR).strip();
        // The path goes into redis-server's configuration: nothing there may end or quote a line.
        if (value.isEmpty() || value.chars().anyMatch(c -> Character.isISOControl(c) || c == '"' || c == '\\'
                || c == '\'')) {
            throw new InvalidSettingException(DATA_DIR, "must be a folder path without quotes, backslashes or "
                    + "control characters");
        }
        try {
            return new EmbeddedRedisSettings(Path.of(value).toAbsolutePath().normalize());
        } catch (InvalidPathException e) {
            throw new InvalidSettingException(DATA_DIR, "is not a valid path");
        }
    }
}
