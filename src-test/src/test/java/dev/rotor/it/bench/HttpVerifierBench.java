package dev.rotor.it.bench;

import dev.rotor.it.support.TestTokens;
import dev.rotor.testsupport.RedisFixture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Issue 13's HTTP benchmark: the same JAX-RS GET unprotected, behind Rotor's filter (container login on and off),
 * behind Rotor's mechanism and behind Payara's MP-JWT, each in a Payara Micro JVM of its own, loaded by wrk over
 * loopback with a mix of distinct tokens and with one token, the variants interleaved round by round; then a JFR
 * profile of every variant under the mix, and the start-up times. Run by the {@code bench-http} profile; BENCHMARKS.md has the command.
 * The Markdown report goes to stdout and to {@code target/bench-http/report.md}.
 */
public final class HttpVerifierBench {

    private static final int TOP_FRAMES = 15;

    private HttpVerifierBench() {
    }

    public static void main(String[] args) throws IOException {
        BenchOptions options = BenchOptions.fromSystemProperties();
        Wrk.requireInstalled();
        Files.createDirectories(options.outputDir());
        StringBuilder report = new StringBuilder();
        Instant started = Instant.now();
        try (RedisFixture redis = RedisFixture.start(); TestTokens tokens = new TestTokens();
             BenchServers servers = new BenchServers()) {
            Runtime.getRuntime().addShutdownHook(new Thread(servers::close));
            List<String> minted = new ArrayList<>();
            for (int i = 0; i < options.tokens(); i++) {
                minted.add(tokens.token("user" + i, UUID.randomUUID().toString(), List.of("user"), Instant.now(),
                        Duration.ofHours(2)));
            }
            Map<TokenMix, Path> files = Map.of(
                    TokenMix.DISTINCT, write(options.outputDir().resolve("tokens.txt"), minted),
                    TokenMix.SINGLE, write(options.outputDir().resolve("token.txt"), minted.subList(0, 1)));
            String redisUrl = redis.uri().toString();
            for (Variant variant : options.variants()) {
                log("starting " + variant.label());
                servers.start(variant, tokens, redisUrl, minted.get(0));
                log(variant.label() + " answered its first 200 after " + servers.startup(variant).toMillis() + " ms");
            }
            checkVerifies(servers, options.variants(), minted.get(0));
            for (Variant variant : options.variants()) {
                prime(servers, variant, minted);
            }
            Wrk wrk = new Wrk(options.outputDir(), options.threads(), options.connections());
            ProcessCpu cpu = ProcessCpu.ofThisHost();
            for (Variant variant : options.variants()) {
                log("warming up " + variant.label());
                wrk.run(servers.uri(variant), files.get(TokenMix.DISTINCT), options.warmup());
                wrk.run(servers.uri(variant), files.get(TokenMix.SINGLE), options.warmup().dividedBy(3));
            }
            List<Measurement> runs = new ArrayList<>();
            for (int round = 1; round <= options.rounds(); round++) {
                for (TokenMix mix : TokenMix.values()) {
                    for (Variant variant : rotated(options.variants(), round + mix.ordinal())) {
                        runs.add(measure(round, mix, variant, servers, wrk, cpu, files.get(mix), options.duration()));
                    }
                }
            }
            BenchReport tables = new BenchReport(options, runs);
            report.append(tables.summary(TokenMix.DISTINCT)).append(tables.summary(TokenMix.SINGLE))
                    .append("#### Every run\n\n").append(tables.raw())
                    .append("JWKS requests the test issuer served (all verifiers): ").append(tokens.jwksRequests())
                    .append("\n\n");
            for (Variant variant : options.variants()) {
                log("profiling " + variant.label());
                report.append(profile(variant, servers, wrk, files.get(TokenMix.DISTINCT), options));
            }
            Map<Variant, Duration> startups = new EnumMap<>(Variant.class);
            for (Variant variant : options.variants()) {
                startups.put(variant, servers.startup(variant));
            }
            servers.close();
            log("timing " + options.issuerStarts() + " issuer start-ups");
            report.insert(0, "#### Start-up, process start to first 200 (one at a time)\n\n"
                    + BenchReport.startups(startups, IssuerStartups.measure(options.issuerStarts())));
        }
        report.insert(0, "### Run of " + started + " (" + Duration.between(started, Instant.now()).toSeconds()
                + " s; " + Runtime.getRuntime().availableProcessors() + " CPUs; load average at the end "
                + ProcessCpu.loadAverage() + ")\n\n");
        Files.writeString(options.outputDir().resolve("report.md"), report);
        System.out.println(report);
    }

    /** Before anything is measured: every verifier accepts a valid token and refuses a forged or missing one. */
    private static void checkVerifies(BenchServers servers, List<Variant> variants, String valid) {
        String forged = valid.substring(0, valid.length() - 8) + (valid.endsWith("AAAAAAAA") ? "BBBBBBBB" : "AAAAAAAA");
        for (Variant variant : variants) {
            int ok = servers.status(variant, valid);
            int bad = servers.status(variant, forged);
            int none = servers.status(variant, null);
            log(variant.label() + ": valid token " + ok + ", forged signature " + bad + ", no token " + none);
            boolean right = ok == 200 && (variant.verifies() ? bad == 401 && none == 401 : bad == 200 && none == 200);
            if (!right) {
                throw new IllegalStateException(variant.label() + " does not verify as expected");
            }
        }
    }

    /**
     * Sends every token once, so that the measured runs see the verifiers' steady state (each token verified once
     * and cached) whatever the order wrk walks them in; every one must be accepted.
     */
    private static void prime(BenchServers servers, Variant variant, List<String> tokens) {
        long begin = System.nanoTime();
        for (String token : tokens) {
            int status = servers.status(variant, token);
            if (status != 200) {
                throw new IllegalStateException(variant.label() + " answered " + status + " to a valid token");
            }
        }
        log(String.format(Locale.ROOT, "%s accepted all %d tokens, one by one, in %d ms", variant.label(),
                tokens.size(), (System.nanoTime() - begin) / 1_000_000));
    }

    private static Measurement measure(int round, TokenMix mix, Variant variant, BenchServers servers, Wrk wrk,
                                       ProcessCpu cpu, Path tokens, Duration duration) {
        String before = ProcessCpu.loadAverage();
        long cpuBefore = cpu.micros(servers.pid(variant));
        WrkResult result = wrk.run(servers.uri(variant), tokens, duration);
        long cpuUsed = cpu.micros(servers.pid(variant)) - cpuBefore;
        Measurement m = new Measurement(round, mix, variant, result, cpuUsed, before, ProcessCpu.loadAverage());
        log(String.format(Locale.ROOT, "round %d, %s, %s: %,.0f requests/s, p50 %.2f ms, p99 %.2f ms, %,.0f µs CPU"
                        + " a request, %d non-2xx, load %s → %s", round, mix.label(), variant.label(),
                result.requestsPerSecond(), result.p50Millis(), result.p99Millis(), m.cpuMicrosPerRequest(),
                result.non2xx(), m.loadBefore(), m.loadAfter()));
        return m;
    }

    /** The variants in a different order each round, so no variant always follows the same one. */
    private static List<Variant> rotated(List<Variant> all, int shift) {
        List<Variant> order = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            order.add(all.get((i + shift) % all.size()));
        }
        return order;
    }

    private static String profile(Variant variant, BenchServers servers, Wrk wrk, Path tokens, BenchOptions options) {
        Path recording = options.outputDir().resolve(variant.name().toLowerCase() + ".jfr");
        long pid = servers.pid(variant);
        jcmd(pid, "JFR.start", "name=bench", "settings=" + settings(options.outputDir()), "filename=" + recording);
        WrkResult result = wrk.run(servers.uri(variant), tokens, options.profile());
        jcmd(pid, "JFR.stop", "name=bench");
        JfrProfile profile = JfrProfile.read(recording, TOP_FRAMES);
        try {
            Files.writeString(options.outputDir().resolve(variant.name().toLowerCase() + "-frames.txt"),
                    profile.inclusiveText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return profile.toMarkdown(String.format(Locale.ROOT, "JFR profile, %s, %d distinct tokens (cache hits), "
                        + "%,.0f requests/s while recording", variant.label(), options.tokens(),
                result.requestsPerSecond()));
    }

    private static Path settings(Path dir) {
        Path jfc = dir.resolve("execution-samples.jfc");
        try (var in = HttpVerifierBench.class.getResourceAsStream("/bench/execution-samples.jfc")) {
            Files.copy(in, jfc, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jfc;
    }

    private static void jcmd(long pid, String... command) {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid)));
        line.addAll(List.of(command));
        try {
            Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("jcmd failed: " + line + "\n" + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path write(Path file, List<String> lines) throws IOException {
        return Files.write(file, lines);
    }

    private static void log(String line) {
        System.out.println("[bench-http " + Instant.now() + "] " + line);
    }
}
