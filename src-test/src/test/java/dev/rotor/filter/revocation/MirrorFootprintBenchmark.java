package dev.rotor.filter.revocation;

import dev.rotor.filter.configuration.FailPolicy;
import dev.rotor.filter.configuration.RedisEndpoint;
import dev.rotor.filter.protocol.RedisNames;
import dev.rotor.filter.protocol.RevocationEvent;
import dev.rotor.testsupport.RedisFixture;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Issue 13: the heap a {@link RevocationMirror} holding {@value #REVOKED} revoked sessions takes (goal: at most
 * 16 MB), and how long its snapshot of them takes from a real {@code redis-server}. Each shot starts a mirror, waits
 * until it is trusted, and prints the heap in use after a full collection, with the mirror and after it closed. Run it
 * with the serial collector ({@code -jvmArgs -XX:+UseSerialGC}) so that {@code System.gc()} is a full collection.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MirrorFootprintBenchmark {

    static final int REVOKED = 100_000;
    private static final Duration GIVE_UP = Duration.ofMinutes(2);

    private final RedisNames names = new RedisNames(RedisNames.DEFAULT_PREFIX);
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private RedisFixture redis;
    private RedisEndpoint endpoint;
    private RevocationMirror mirror;

    @Setup(Level.Trial)
    public void fill() {
        redis = RedisFixture.start();
        endpoint = RedisEndpoint.loopback(redis.port());
        try (UnifiedJedis client = endpoint.client(); AbstractPipeline pipeline = client.pipelined()) {
            for (int i = 0; i < REVOKED; i++) {
                // real rids are 22 base64url characters (128 random bits), as RandomTokens mints them
                String rid = String.format("rid-%018d", i);
                pipeline.set(names.blacklistKey(RevocationEvent.Type.RID, rid), "1",
                        SetParams.setParams().px(Duration.ofHours(1).toMillis()));
            }
            pipeline.sync();
        }
    }

    @Benchmark
    public RevocationMirror snapshotOf100kSessions() throws InterruptedException {
        mirror = new RevocationMirror(endpoint, names, FailPolicy.CLOSED, Duration.ofMinutes(5), Clock.systemUTC(),
                runnable -> {
                    Thread thread = new Thread(runnable, "bench-mirror");
                    thread.setDaemon(true);
                    return thread;
                });
        mirror.start();
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        while (!mirror.isTrusted() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        if (!mirror.isRevoked(String.format("rid-%018d", REVOKED - 1), null, null, null)) {
            throw new IllegalStateException("the mirror did not load the revoked sessions");
        }
        return mirror;
    }

    /** The heap in use with the mirror, then once it is closed and its threads have ended. */
    @TearDown(Level.Iteration)
    public void measure() throws InterruptedException {
        long with = usedAfterGc();
        mirror.close();
        mirror = null;
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        while (mirrorThreadsAlive() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        long without = usedAfterGc();
        System.out.printf("MEASURED mirror of %,d revoked sessions: %.1f MB of heap (%,d bytes, %.0f bytes each)%n",
                REVOKED, (with - without) / 1e6, with - without, (with - without) / (double) REVOKED);
    }

    private static boolean mirrorThreadsAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.getName().startsWith("bench-mirror") && thread.isAlive());
    }

    @TearDown(Level.Trial)
    public void stop() {
        redis.close();
    }

    private long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
