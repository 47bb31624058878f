package dev.rotor.it.support;

import dev.rotor.testsupport.RedisFixture;

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
 * Several issuer instances behind one public issuer URL, sharing one Redis, and verifier applications (the sample app
 * with the filter jar) in JVMs of their own: every process real, all started at once. Verifier {@code i} reads the
 * JWKS of issuer {@code i}, as it would read the load balancer's.
 */
public final class ScaleTopology implements AutoCloseable {

    /** What every instance is configured with as {@code rotor.issuer}: the load balancer's URL in production. */
    public static final String ISSUER = "https://issuer.example";
    public static final String ADMIN_PASSWORD = "scale-admin-password-0123";

    private final RedisFixture redis;
    private final Lifetimes lifetimes;
    private final List<Integer> issuerPorts;
    private final List<Integer> verifierPorts;
    private final List<PayaraMicroProcess> issuers = new ArrayList<>();
    private final List<PayaraMicroProcess> verifiers = new ArrayList<>();

    /** The short durations the topology runs with; rotation must be at least the access-token lifetime. */
    public record Lifetimes(Duration accessTtl, Duration rotation, Duration heartbeat, Duration issuerLeeway,
                            Duration verifierLeeway, Duration maxStaleness) {
    }

    private ScaleTopology(RedisFixture redis, Lifetimes lifetimes, int issuers, int verifiers) {
        this.redis = redis;
        this.lifetimes = lifetimes;
        List<Integer> ports = FreePorts.take(issuers + verifiers);
        this.issuerPorts = ports.subList(0, issuers);
        this.verifierPorts = ports.subList(issuers, issuers + verifiers);
    }

    /** Starts every process in parallel and waits until each is ready; stops what started if one fails. */
    public static ScaleTopology start(RedisFixture redis, Lifetimes lifetimes, int issuers, int verifiers) {
        ScaleTopology topology = new ScaleTopology(redis, lifetimes, issuers, verifiers);
        ExecutorService starters = Executors.newFixedThreadPool(issuers + verifiers);
        try {
            List<CompletableFuture<PayaraMicroProcess>> issuing = IntStream.range(0, issuers)
                    .mapToObj(i -> CompletableFuture.supplyAsync(topology.startIssuer(i), starters)).toList();
            List<CompletableFuture<PayaraMicroProcess>> verifying = IntStream.range(0, verifiers)
                    .mapToObj(i -> CompletableFuture.supplyAsync(topology.startVerifier(i), starters)).toList();
            collect(issuing, topology.issuers);
            collect(verifying, topology.verifiers);
            return topology;
        } catch (RuntimeException e) {
            topology.close();
            throw e;
        } finally {
            starters.shutdown();
        }
    }

    public RedisFixture redis() {
        return redis;
    }

    public Lifetimes lifetimes() {
        return lifetimes;
    }

    public PayaraMicroProcess issuer(int index) {
        return issuers.get(index);
    }

    public PayaraMicroProcess verifier(int index) {
        return verifiers.get(index);
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
        verifiers.set(index, startVerifier(index).get());
        return verifiers.get(index);
    }

    @Override
    public void close() {
        issuers.forEach(PayaraMicroProcess::close);
        verifiers.forEach(PayaraMicroProcess::close);
    }

    private Supplier<PayaraMicroProcess> startIssuer(int index) {
        Map<String, String> settings = Map.of(
                "rotor.issuer", ISSUER,
                "rotor.redis.url", redis.uri().toString(),
                "rotor.admin.password", ADMIN_PASSWORD,
                "rotor.keys.rotation", lifetimes.rotation().toString(),
                "rotor.keys.heartbeat", lifetimes.heartbeat().toString(),
                "rotor.tokens.access-ttl", lifetimes.accessTtl().toString(),
                "rotor.tokens.leeway", lifetimes.issuerLeeway().toString());
        String name = "scale-issuer-" + (index + 1);
        return () -> PayaraMicroProcess.start(name,
                IssuerDeployment.export(IssuerDeployment.issuer(settings), name), issuerPorts.get(index));
    }

    private Supplier<PayaraMicroProcess> startVerifier(int index) {
        Map<String, String> settings = new HashMap<>();
        settings.put("rotor.issuer", ISSUER);
        settings.put("rotor.jwks-uri", URI.create("http://localhost:" + issuerPorts.get(index % issuerPorts.size())
                + "/.well-known/jwks.json").toString());
        settings.put("rotor.tokens.audience", "rotor");
        settings.put("rotor.redis.url", redis.uri().toString());
        settings.put("rotor.tokens.leeway", lifetimes.verifierLeeway().toString());
        settings.put("rotor.max-staleness", lifetimes.maxStaleness().toString());
        settings.put("rotor.realm", "sample");
        String name = "scale-verifier-" + (index + 1);
        return () -> PayaraMicroProcess.start(name,
                IssuerDeployment.export(SampleApp.withFilter(settings), name), verifierPorts.get(index));
    }

    private static void collect(List<CompletableFuture<PayaraMicroProcess>> starting, List<PayaraMicroProcess> into) {
        RuntimeException failure = null;
        for (CompletableFuture<PayaraMicroProcess> future : starting) {
            try {
                into.add(future.join());
            } catch (CompletionException e) {
                failure = e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
