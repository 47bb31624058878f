package dev.rotor.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Keycloak from its {@code keycloak-quarkus-dist} zip, unpacked afresh (so its dev H2 database is empty) and run as
 * {@code bin/kc.sh start-dev} on free ports, with a bootstrap admin user. It needs Java 21 or later.
 */
final class Keycloak {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "bench-admin-password-1";

    private Keycloak() {
    }

    /** Unpacks {@code zip} into {@code folder} (emptied first); the Keycloak home inside it. */
    static Path unpack(Path zip, Path folder) throws IOException, InterruptedException {
        if (Files.exists(folder)) {
            try (Stream<Path> old = Files.walk(folder)) {
                old.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        Files.createDirectories(folder);
        Process unzip = new ProcessBuilder("unzip", "-q", zip.toAbsolutePath().toString(), "-d",
                folder.toAbsolutePath().toString()).inheritIO().start();
        if (unzip.waitFor() != 0) {
            throw new IllegalStateException("unzip of " + zip + " failed with " + unzip.exitValue());
        }
        try (Stream<Path> homes = Files.list(folder)) {
            return homes.filter(path -> Files.isRegularFile(path.resolve("bin/kc.sh"))).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no bin/kc.sh in " + zip));
        }
    }

    static String version(Path home) throws IOException {
        return Files.readString(home.resolve("version.txt")).trim();
    }

    static ServerProcess launch(Path home, Path javaHome, int port, int managementPort) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of("sh", "bin/kc.sh", "start-dev",
                "--http-port=" + port, "--http-management-port=" + managementPort))
                .directory(home.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("KC_") || name.startsWith("KEYCLOAK_")
                || name.startsWith("JAVA_OPTS"));
        environment.put("JAVA_HOME", javaHome.toString());
        environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
        environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        // without the opening, Java 24+ kills every worker thread of Quarkus' executor (jboss-threads' own advice)
        environment.put("JAVA_OPTS_APPEND", "-Djava.io.tmpdir=" + home.toAbsolutePath()
                + (feature(javaHome) >= 24 ? " --add-opens java.base/java.lang=ALL-UNNAMED" : ""));
        return ServerProcess.launch("Keycloak", builder, home.resolve("keycloak.log"));
    }

    static URI base(int port) {
        return URI.create("http://localhost:" + port);
    }

    static URI ready(int port) {
        return base(port).resolve("/realms/master");
    }

    /** A Java home of version 21 or later: {@code candidate} if given, else the first under /usr/lib/jvm. */
    static Path javaHome(String candidate) throws IOException {
        if (candidate != null && !candidate.isBlank()) {
            return Path.of(candidate);
        }
        if (Runtime.version().feature() >= 21) {
            return Path.of(System.getProperty("java.home"));
        }
        try (Stream<Path> homes = Files.list(Path.of("/usr/lib/jvm"))) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin/java")) && feature(home) >= 21)
                    .findFirst().orElseThrow(() -> new IllegalStateException(
                            "Keycloak needs Java 21+: none under /usr/lib/jvm; pass --keycloak-java-home"));
        }
    }

    private static int feature(Path home) {
        try {
            for (String line : Files.readAllLines(home.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(version.split("[.+-]")[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
