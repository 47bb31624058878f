package dev.rotor.it.bench;

import dev.rotor.it.support.IssuerDeployment;
import dev.rotor.it.support.PayaraMicroProcess;
import dev.rotor.it.support.TestTokens;

import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One Payara Micro JVM per variant, started one after another so that each start-up is timed alone: from the
 * process start to the first 200 of {@code /api/hello} with a valid token.
 */
final class BenchServers implements AutoCloseable {

    /**
     * Peak speed, not the tests' quick start: C2 on, a fixed heap. The serial collector because the machine has two
     * cores, both also running wrk. Deep stacks for JFR: a request thread on Payara runs about 100 frames deep.
     */
    static final List<String> JVM = List.of("-Xms512m", "-Xmx512m", "-XX:+UseSerialGC",
            "-XX:FlightRecorderOptions=stackdepth=256");
    private static final Duration FIRST_200 = Duration.ofSeconds(60);

    private final Map<Variant, PayaraMicroProcess> servers = new EnumMap<>(Variant.class);
    private final Map<Variant, Duration> startups = new EnumMap<>(Variant.class);
    private final HttpProbe http = new HttpProbe();

    void start(Variant variant, TestTokens tokens, String redisUrl, String validToken) {
        var war = IssuerDeployment.export(BenchApps.of(variant, tokens, redisUrl), "bench-" + variant.name(),
                variant.name().toLowerCase() + ".war");
        long begin = System.nanoTime();
        PayaraMicroProcess server = PayaraMicroProcess.start("bench-" + variant.name().toLowerCase(), war, JVM);
        servers.put(variant, server);
        if (!http.awaitStatus(uri(variant), validToken, 200, FIRST_200)) {
            throw new IllegalStateException(variant + " never answered 200; see " + server.logFile());
        }
        startups.put(variant, Duration.ofNanos(System.nanoTime() - begin));
    }

    URI uri(Variant variant) {
        return servers.get(variant).uri(BenchApps.PATH);
    }

    long pid(Variant variant) {
        return servers.get(variant).pid();
    }

    Duration startup(Variant variant) {
        return startups.get(variant);
    }

    /** The status of one GET, with {@code token} as a bearer token unless null. */
    int status(Variant variant, String token) {
        return http.status(uri(variant), token);
    }

    @Override
    public void close() {
        servers.values().forEach(PayaraMicroProcess::close);
    }
}
