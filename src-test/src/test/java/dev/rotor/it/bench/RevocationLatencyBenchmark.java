package dev.rotor.it.bench;

import dev.rotor.filter.configuration.RedisEndpoint;
import dev.rotor.filter.protocol.RedisNames;
import dev.rotor.filter.protocol.RevocationEvent;
import dev.rotor.it.support.Http;
import dev.rotor.it.support.IssuerClient;
import dev.rotor.it.support.ScaleTopology;
import dev.rotor.it.support.TokenParts;
import dev.rotor.it.support.UserSession;
import dev.rotor.testsupport.RedisFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.UnifiedJedis;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issues 10 and 13: how long a revocation takes to take effect at two verifier applications in JVMs of their own
 * (the sample app with the filter jar on Payara Micro), revoked at a real issuer on a real {@code redis-server}; then
 * the same after a burst of 100,000 revocations. Each revocation's clock starts when the revoke request is sent and
 * stops at each verifier's first 401 for the token, seen by a client that asks that verifier every millisecond. A plain
 * subscriber in this JVM stamps when Redis delivered the event, which splits the time into the issuer's part and
 * the verifier's. A benchmark, not a test: it never fails on a number, and {@code mvn verify} does not run it (the
 * name matches no failsafe include); BENCHMARKS.md has the command.
 */
@Tag("benchmark")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RevocationLatencyBenchmark {

    private static final int REVOCATIONS = Integer.getInteger("rotor.bench.revocations", 250);
    private static final int BURST = Integer.getInteger("rotor.bench.burst", 100_000);
    private static final int BURST_SHOTS = 3;
    private static final Duration GIVE_UP = Duration.ofSeconds(60);
    private static final Duration BETWEEN = Duration.ofMillis(50);
    private static final Duration POLL_PAUSE = Duration.ofMillis(1);
    /** The issuer's own write: the blacklist key with its expiry, and the event, in one step. */
    private static final String SET_AND_PUBLISH = """
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            redis.call('PUBLISH', ARGV[3], ARGV[4])
            return 1
            """;

    private static final RedisNames NAMES = new RedisNames(RedisNames.DEFAULT_PREFIX);
    private static final RedisFixture redis = RedisFixture.start();
    private static final Map<String, Long> delivered = new ConcurrentHashMap<>();
    private static ScaleTopology topology;
    private static IssuerClient issuer;
    private static List<UserSession> sessions;
    private static ExecutorService pollers;
    private static Thread subscriberThread;
    private static JedisPubSub subscriber;

    @BeforeAll
    @Timeout(value = 400)
    static void start() {
        topology = ScaleTopology.start("latency", redis.uri().toString(), List.of(new ScaleTopology.IssuerLifetimes(Duration.ofMinutes(15),
                        Duration.ofHours(1), Duration.ofSeconds(30), Duration.ofSeconds(30))),
                new ScaleTopology.VerifierLimits(Duration.ofSeconds(30), Duration.ofSeconds(5)), List.of(0, 0));
        issuer = new IssuerClient(topology.issuer(0).uri("/"));
        UserSession admin = UserSession.login(issuer, "admin", ScaleTopology.ADMIN_PASSWORD);
        String user = "bench" + UUID.randomUUID().toString().substring(0, 8);
        String password = "pw-" + user + "-secret";
        HttpResponse<String> created = issuer.send("POST", "/admin/users", admin.access(),
                "{\"username\":\"" + user + "\",\"password\":\"" + password + "\",\"groups\":[\"user\"]}");
        assertEquals(201, created.statusCode(), created.body());
        ExecutorService logins = Executors.newFixedThreadPool(2);
        try {
            sessions = logins.invokeAll(IntStream.range(0, REVOCATIONS + BURST_SHOTS)
                    .mapToObj(i -> (Callable<UserSession>) () ->
                            UserSession.login(issuer, user, password)).toList())
                    .stream().map(RevocationLatencyBenchmark::join).toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            logins.shutdown();
        }
        pollers = Executors.newFixedThreadPool(topology.verifierCount());
        subscribe();
    }

    @AfterAll
    static void stop() {
        if (subscriber != null) {
            subscriber.unsubscribe();
        }
        if (pollers != null) {
            pollers.shutdownNow();
        }
        if (topology != null) {
            topology.close();
        }
        redis.close();
    }

    @Test
    @Order(1)
    @Timeout(value = 600)
    void revocationsOneAtATime() {
        String load = loadAverage();
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < REVOCATIONS; i++) {
            samples.add(revoke(sessions.get(i).access()));
            pace(BETWEEN);
        }
        System.out.printf("MEASURED %d revocations, one at a time, %d verifier JVMs; load average %s before, %s after%n",
                samples.size(), topology.verifierCount(), load, loadAverage());
        System.out.println("| milliseconds after the revoke request was sent | p50 | p90 | p99 | max |");
        System.out.println("|---|---|---|---|---|");
        row("issuer answered 200", samples.stream().mapToLong(Sample::answered).toArray());
        row("Redis delivered the event (subscriber in the bench JVM)",
                samples.stream().mapToLong(Sample::delivered).toArray());
        for (int v = 0; v < topology.verifierCount(); v++) {
            int verifier = v;
            row("verifier " + (v + 1) + " answered 401",
                    samples.stream().mapToLong(sample -> sample.rejected()[verifier]).toArray());
        }
        row("**both verifiers answered 401**", samples.stream().mapToLong(Sample::everywhere).toArray());
        row("verifier's part: last 401 after the delivery",
                samples.stream().mapToLong(sample -> sample.everywhere() - sample.delivered()).toArray());
    }

    @Test
    @Order(2)
    @Timeout(value = 600)
    void revocationAfterABurst() {
        String load = loadAverage();
        List<String> rows = new ArrayList<>();
        try (UnifiedJedis client = RedisEndpoint.loopback(redis.port()).client()) {
            for (int shot = 1; shot <= BURST_SHOTS; shot++) {
                long start = System.nanoTime();
                publishBurst(client, shot);
                long published = System.nanoTime();
                Sample after = revoke(sessions.get(REVOCATIONS + shot - 1).access());
                rows.add(String.format("| %d | %,d ms (%,.0f events/s) | %d | %d |", shot,
                        TimeUnit.NANOSECONDS.toMillis(published - start),
                        BURST / ((published - start) / 1e9), after.delivered(), after.everywhere()));
            }
        }
        System.out.printf("MEASURED a revocation after a burst of %,d, %d shots; load average %s before, %s after%n",
                BURST, BURST_SHOTS, load, loadAverage());
        System.out.println("| shot | burst written (issuer's script, pipelined) | the revocation after it: delivered "
                + "(ms) | rejected at both verifiers (ms) |");
        System.out.println("|---|---|---|---|");
        rows.forEach(System.out::println);
        for (int v = 0; v < topology.verifierCount(); v++) {
            String log = topology.verifier(v).log();
            System.out.printf("verifier %d: resynchronised from a snapshot after a lost subscription (ROTOR-M102) %d "
                    + "times%n", v + 1, log.split("ROTOR-M102", -1).length - 1);
        }
    }

    private static Sample revoke(String token) {
        String rid = TokenParts.claim(token, "rid");
        List<URI> verifiers = IntStream.range(0, topology.verifierCount())
                .mapToObj(topology::whoami).toList();
        Http check = new Http();
        verifiers.forEach(uri -> assertEquals(200, check.get(uri, token).statusCode(), "accepted before"));
        long start = System.nanoTime();
        List<Future<Long>> rejected = verifiers.stream().map(uri -> pollers.submit(() -> firstRejection(uri, token)))
                .toList();
        assertEquals(200, issuer.revoke(token).statusCode());
        long answered = System.nanoTime();
        long[] at = rejected.stream().mapToLong(future -> join(future) - start).toArray();
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        while (!delivered.containsKey(rid) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        Long seen = delivered.remove(rid);
        assertTrue(seen != null, "the event was delivered");
        return new Sample(millis(answered - start), millis(seen - start),
                Arrays.stream(at).map(RevocationLatencyBenchmark::millis).toArray());
    }

    private static long firstRejection(URI verifier, String token) {
        Http http = new Http();
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        while (System.nanoTime() < deadline) {
            int status = http.get(verifier, token).statusCode();
            if (status == 401) {
                return System.nanoTime();
            }
            assertEquals(200, status, "a revoked token is refused with 401 only");
            // a breath between polls, so that two pollers do not take the cores the issuer needs: resolution ~1 ms
            LockSupport.parkNanos(POLL_PAUSE.toNanos());
        }
        throw new AssertionError("not rejected within " + GIVE_UP);
    }

    private static void publishBurst(UnifiedJedis client, int shot) {
        Instant expiresAt = Instant.now().plus(Duration.ofMinutes(20));
        try (AbstractPipeline pipeline = client.pipelined()) {
            for (int i = 0; i < BURST; i++) {
                String rid = "burst-" + shot + "-" + i;
                pipeline.eval(SET_AND_PUBLISH, List.of(NAMES.blacklistKey(RevocationEvent.Type.RID, rid)),
                        List.of("1", "1200000", NAMES.revocationChannel(), RevocationEvent.rid(rid, expiresAt).toJson()));
            }
            pipeline.sync();
        }
    }

    private static void subscribe() {
        subscriber = new JedisPubSub() {
            @Override
            public void onMessage(String channel, String message) {
                long now = System.nanoTime();
                String value = RevocationEvent.parse(message).value();
                if (!value.startsWith("burst-")) {
                    delivered.put(value, now);
                }
            }
        };
        subscriberThread = new Thread(() -> {
            try (Jedis jedis = new Jedis("127.0.0.1", redis.port())) {
                jedis.subscribe(subscriber, NAMES.revocationChannel());
            }
        }, "bench-subscriber");
        subscriberThread.setDaemon(true);
        subscriberThread.start();
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        while (!subscriber.isSubscribed() && System.nanoTime() < deadline) {
            pace(Duration.ofMillis(10));
        }
        assertTrue(subscriber.isSubscribed(), "the bench subscriber is subscribed");
    }

    private static void row(String label, long[] millis) {
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.printf("| %s | %d | %d | %d | %d |%n", label, percentile(sorted, 50), percentile(sorted, 90),
                percentile(sorted, 99), sorted[sorted.length - 1]);
    }

    /** The nearest-rank percentile. */
    private static long percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    private static <T> T join(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static void pace(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One revocation: milliseconds after the request was sent. */
    private record Sample(long answered, long delivered, long[] rejected) {
        long everywhere() {
            return Arrays.stream(rejected).max().orElseThrow();
        }
    }
}
