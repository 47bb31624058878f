package dev.rotor.testsupport;

import redis.embedded.core.ExecutableProvider;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code redis-server} that tests run: the one on the PATH, else the Redis 6.2 binary that embedded-redis ships
 * (which also runs Cluster nodes and, with {@code --sentinel}, sentinels). {@code -Drotor.test.redis-server=embedded}
 * forces the shipped binary, to check that a fresh machine works.
 */
public final class RedisBinary {

    private static Path resolved;

    private RedisBinary() {
    }

    /** For embedded-redis' own {@code RedisServer}. */
    public static ExecutableProvider provider() {
        return () -> path().toFile();
    }

    public static synchronized Path path() {
        if (resolved == null) {
            resolved = onPath().orElseGet(RedisBinary::shipped);
        }
        return resolved;
    }

    private static java.util.Optional<Path> onPath() {
        if ("embedded".equals(System.getProperty("rotor.test.redis-server"))) {
            return java.util.Optional.empty();
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "redis-server");
            if (Files.isExecutable(candidate)) {
                return java.util.Optional.of(candidate);
            }
        }
        return java.util.Optional.empty();
    }

    private static Path shipped() {
        try {
            return ExecutableProvider.newJarResourceProvider().get().toPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
