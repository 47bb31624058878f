package dev.rotor.it.support;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Several issuer instances behind one public issuer URL, sharing one Redis (a server, a Sentinel group or a Cluster,
 * by its URL), and verifier applications (the sample app with the filter jar) in JVMs of their own: every process
 * real, all started at once. Each verifier reads the JWKS of the issuer instance it is given, as it would read the
 * load balancer's.
 */
public final class ScaleTopology implements AutoCloseable {

    /** What every instance is configured with as {@code rotor.issuer}: the load balancer's URL in production. */
    public static final String ISSUER = "https://issuer.example";
    public static final String ADMIN_PASSWORD = "scale-admin-password-0123";

    private final String name;
    private final String redisUrl;
    private final List<IssuerLifetimes> issuerLifetimes;
    private final VerifierLimits limits;
    private final List<Integer> jwksOf;
    private final List<Integer> issuerPorts;
    private final List<Integer> verifierPorts;
    private final List<PayaraMicroProcess> issuers = new ArrayList<>();
    private final List<PayaraMicroProcess> verifiers = new ArrayList<>();

    /** One issuer instance's key and token durations; rotation must be at least the access-token lifetime. */
    public record IssuerLifetimes(Duration accessTtl, Duration rotation, Duration heartbeat, Duration leeway) {
    }

    /** What every verifier application is configured with. */
    public record VerifierLimits(Duration leeway, Duration maxStaleness) {
    }

    private ScaleTopology(String name, String redisUrl, List<IssuerLifetimes> issuers, VerifierLimits limits,
                          List<Integer> jwksOf) {
        this.name = name;
        this.redisUrl = redisUrl;
        this.issuerLifetimes = List.copyOf(issuers);
        this.limits = limits;
        this.jwksOf = List.copyOf(jwksOf);
        List<Integer> ports = FreePorts.take(issuers.size() + jwksOf.size());
        this.issuerPorts = ports.subList(0, issuers.size());
        this.verifierPorts = ports.subList(issuers.size(), ports.size());
    }

    /**
     * Starts one issuer per entry of {@code issuers} and one verifier per entry of {@code jwksOf} (the index of the
     * issuer whose JWKS it reads), all in parallel, and waits until each is ready; stops what started if one fails.
     *
     * @param name     what the processes' log files start with, e.g. {@code scale} for {@code scale-issuer-1.log}
     * @param redisUrl what every process is configured with as {@code rotor.redis.url}
     */
    public static ScaleTopology start(String name, String redisUrl, List<IssuerLifetimes> issuers,
                                      VerifierLimits limits, List<Integer> jwksOf) {
        ScaleTopology topology = new ScaleTopology(name, redisUrl, issuers, limits, jwksOf);
        int verifiers = jwksOf.size();
        ExecutorService starters = Executors.newFixedThreadPool(issuers.size() + verifiers);
        try {
            List<CompletableFuture<PayaraMicroProcess>> issuing = IntStream.range(0, issuers.size())
                    .mapToObj(i -> CompletableFuture.supplyAsync(topology.startIssuer(i), starters)).toList();
            List<CompletableFuture<PayaraMicroProcess>> verifying = IntStream.range(0, verifiers)
                    .mapToObj(i -> CompletableFuture.supplyAsync(topology.startVerifier(i, ""), starters)).toList();
            // Both lists are collected before a failure is thrown, so that close() stops every JVM that started.
            RuntimeException issuerFailure = collect(issuing, topology.issuers);
            RuntimeException verifierFailure = collect(verifying, topology.verifiers);
            if (issuerFailure != null || verifierFailure != null) {
                throw issuerFailure != null ? issuerFailure : verifierFailure;
            }
            return topology;
        } catch (RuntimeException e) {
            topology.close();
            throw e;
        } finally {
            starters.shutdown();
        }
    }

    public String redisUrl() {
        return redisUrl;
    }

    public IssuerLifetimes lifetimes(int issuer) {
        return issuerLifetimes.get(issuer);
    }

    public VerifierLimits limits() {
        return limits;
    }

    public PayaraMicroProcess issuer(int index) {
        return issuers.get(index);
    }

    public PayaraMicroProcess verifier(int index) {
        return verifiers.get(index);
    }

    /** The sample app's protected servlet at verifier {@code index}: it answers {@code user=…} for a valid token. */
    public URI whoami(int index) {
        return verifier(index).uri("/servlet/whoami");
    }

    public int issuerCount() {
        return issuers.size();
    }

    public int verifierCount() {
        return verifiers.size();
    }

    /** Kills verifier {@code index} like a crash and starts it again with the same settings on the same port. */
    public PayaraMicroProcess restartVerifier(int index) {
        verifiers.get(index).kill();
        verifiers.set(index, startVerifier(index, "-restarted").get());
        return verifiers.get(index);
    }

    @Override
    public void close() {
        issuers.forEach(PayaraMicroProcess::close);
        verifiers.forEach(PayaraMicroProcess::close);
    }

    private Supplier<PayaraMicroProcess> startIssuer(int index) {
        IssuerLifetimes lifetimes = issuerLifetimes.get(index);
        Map<String, String> settings = Map.of(
                "rotor.issuer", ISSUER,
                "rotor.redis.url", redisUrl,
                "rotor.admin.password", ADMIN_PASSWORD,
                "rotor.keys.rotation", lifetimes.rotation().toString(),
                "rotor.keys.heartbeat", lifetimes.heartbeat().toString(),
                "rotor.tokens.access-ttl", lifetimes.accessTtl().toString(),
                "rotor.tokens.leeway", lifetimes.leeway().toString());
        String log = name + "-issuer-" + (index + 1);
        return () -> PayaraMicroProcess.start(log,
                IssuerDeployment.export(IssuerDeployment.issuer(settings), log), issuerPorts.get(index));
    }

    private Supplier<PayaraMicroProcess> startVerifier(int index, String logSuffix) {
        Map<String, String> settings = new HashMap<>();
        settings.put("rotor.issuer", ISSUER);
        settings.put("rotor.jwks-uri", URI.create("http://localhost:" + issuerPorts.get(jwksOf.get(index))
                + "/.well-known/jwks.json").toString());
        settings.put("rotor.tokens.audience", "rotor");
        settings.put("rotor.redis.url", redisUrl);
        settings.put("rotor.tokens.leeway", limits.leeway().toString());
        settings.put("rotor.max-staleness", limits.maxStaleness().toString());
        settings.put("rotor.realm", "sample");
        String log = name + "-verifier-" + (index + 1) + logSuffix;
        return () -> PayaraMicroProcess.start(log,
                IssuerDeployment.export(SampleApp.withFilter(settings), log), verifierPorts.get(index));
    }

    /** Adds every process that started to {@code into}; returns the last start-up failure, or null. */
    private static RuntimeException collect(List<CompletableFuture<PayaraMicroProcess>> starting,
                                            List<PayaraMicroProcess> into) {
        RuntimeException failure = null;
        for (CompletableFuture<PayaraMicroProcess> future : starting) {
            try {
                into.add(future.join());
            } catch (CompletionException e) {
                failure = e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        return failure;
    }
}
