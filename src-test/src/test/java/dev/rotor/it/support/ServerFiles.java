package dev.rotor.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the full servers of the portability tests live: the installations Maven unpacked under target/, a fresh
 * working folder per test class under target/servers/, and the logs under target/server-logs/.
 */
final class ServerFiles {

    private ServerFiles() {
    }

    /** The unpacked installation that the failsafe system property {@code property} names. */
    static Path installation(String property) {
        String path = System.getProperty(property);
        if (path == null || !Files.isDirectory(Path.of(path))) {
            throw new IllegalStateException(property + " must name an unpacked server (" + path
                    + "); run through mvn verify, which unpacks it in pre-integration-test");
        }
        return Path.of(path);
    }

    /** An empty folder for one server's configuration and data, emptied if an earlier run left one. */
    static Path freshWorkFolder(String name) {
        Path folder = Path.of(System.getProperty("rotor.it.serverDir", "target/servers"), name);
        try {
            if (Files.exists(folder)) {
                try (Stream<Path> files = Files.walk(folder)) {
                    files.sorted(Comparator.reverseOrder()).forEach(ServerFiles::delete);
                }
            }
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** target/server-logs/{name}, its folder created. */
    static Path log(String name) {
        Path log = Path.of(System.getProperty("rotor.it.serverLogDir", "target/server-logs"), name);
        try {
            Files.createDirectories(log.getParent());
            Files.deleteIfExists(log);
            return log;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The environment for a server's JVMs and its tools' JVMs: the test JVM's Java, and only the C1 compiler and the
     * serial collector, which halve a domain's start on two busy cores (seen: 24-31 s instead of 54-69 s).
     */
    static Map<String, String> quickStartJvm(String javaHomeVariable) {
        return Map.of(javaHomeVariable, java(), "JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
    }

    static String java() {
        return Path.of(System.getProperty("java.home")).toString();
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
