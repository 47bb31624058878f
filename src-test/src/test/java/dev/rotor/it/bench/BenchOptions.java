package dev.rotor.it.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's knobs, from system properties ({@code -Dbench.rounds=5} on the Maven command line); the defaults
 * keep a whole run under about ten minutes.
 */
record BenchOptions(int rounds, Duration duration, Duration warmup, int threads, int connections, int tokens,
                    Duration profile, int issuerStarts, List<Variant> variants, Path outputDir) {

    /** Every variant, unless {@code bench.variants} names some (a comma list of {@link Variant} names). */
    static List<Variant> variants(String names) {
        if (names == null || names.isBlank() || names.strip().equals("all")) {
            return List.of(Variant.values());
        }
        List<Variant> chosen = Arrays.stream(names.split(",")).map(String::strip)
                .map(name -> Variant.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'))).toList();
        if (!chosen.contains(Variant.UNPROTECTED) || !chosen.contains(Variant.MP_JWT)) {
            throw new IllegalArgumentException("bench.variants must include unprotected and mp_jwt, the two anchors");
        }
        return chosen;
    }

    static BenchOptions fromSystemProperties() {
        return new BenchOptions(
                Integer.getInteger("bench.rounds", 3),
                Duration.ofSeconds(Integer.getInteger("bench.seconds", 10)),
                Duration.ofSeconds(Integer.getInteger("bench.warmup-seconds", 20)),
                Integer.getInteger("bench.threads", 2),
                Integer.getInteger("bench.connections", 16),
                Integer.getInteger("bench.tokens", 1000),
                Duration.ofSeconds(Integer.getInteger("bench.profile-seconds", 12)),
                Integer.getInteger("bench.issuer-starts", 3),
                variants(System.getProperty("bench.variants")),
                Path.of(System.getProperty("bench.output", "target/bench-http")).toAbsolutePath());
    }

    String wrkFlags() {
        return "-t" + threads + " -c" + connections + " -d" + duration.toSeconds() + "s";
    }
}
