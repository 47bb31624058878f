package dev.rotor.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Issue 13, "Issuance", in one command ({@code bench/issuance.sh}): the in-process JMH rounds of
 * {@code IssuanceBenchmark}, then Rotor's issuer and Keycloak side by side over HTTP. Prints the report and writes
 * it to {@code <out>/issuance-report-<start time>.md}.
 *
 * <pre>
 * --part all|jmh|http   (all)     --rounds N        in-process rounds (3)
 * --http-rounds N       (2)       --clients N       load threads over HTTP (4)
 * --warmup S            (10)      --window S        measured seconds per HTTP variant (20)
 * --issuer-jar PATH     (../issuer-war/target/rotor-issuer.jar)
 * --keycloak-zip PATH   (the first target/keycloak/keycloak-quarkus-dist-*.zip)
 * --keycloak-java-home PATH (the first Java 21+ under /usr/lib/jvm)
 * --out PATH            (target/bench-issuance)   --profiler NAME   JMH profiler for every fork (none)
 * </pre>
 */
public final class IssuanceBench {

    private IssuanceBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String part = options.getOrDefault("part", "all");
        Path out = Path.of(options.getOrDefault("out", "target/bench-issuance")).toAbsolutePath();
        Files.createDirectories(out);
        Instant started = Instant.now();
        Report report = new Report(started, Machine.describe());
        if (!part.equals("http")) {
            report.inProcess(new InProcessRounds(integer(options, "rounds", 3), out,
                    options.get("profiler")).run());
        }
        if (!part.equals("jmh")) {
            GrantLoad load = new GrantLoad(integer(options, "clients", 4),
                    Duration.ofSeconds(integer(options, "warmup", 10)), Duration.ofSeconds(integer(options, "window", 20)));
            OverHttp http = new OverHttp(
                    Path.of(options.getOrDefault("issuer-jar", "../issuer-war/target/rotor-issuer.jar")),
                    keycloakZip(options.get("keycloak-zip")), Keycloak.javaHome(options.get("keycloak-java-home")),
                    out, integer(options, "http-rounds", 2), load);
            try {
                report.overHttp(http.run(), http.notes(), integer(options, "clients", 4));
            } catch (RuntimeException | IOException e) {
                report.failure("over HTTP", http.notes(), e);
            }
        }
        String text = report.text();
        System.out.println(text);
        Path file = out.resolve("issuance-report-" + started.toString().replace(':', '-') + ".md");
        Files.writeString(file, text);
        System.out.println("written to " + file);
    }

    private static Path keycloakZip(String given) throws IOException {
        if (given != null) {
            return Path.of(given);
        }
        Path folder = Path.of("target/keycloak");
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("no Keycloak zip: run with -Dbench.keycloak.skip=false or --keycloak-zip");
        }
        try (Stream<Path> zips = Files.list(folder)) {
            return zips.filter(path -> path.getFileName().toString().matches("keycloak-quarkus-dist-.*\\.zip"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no Keycloak zip in " + folder));
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static int integer(Map<String, String> options, String name, int defaultValue) {
        return Integer.parseInt(options.getOrDefault(name, Integer.toString(defaultValue)));
    }
}
