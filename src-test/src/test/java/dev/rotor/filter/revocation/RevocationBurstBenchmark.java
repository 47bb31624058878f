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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.UnifiedJedis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Issue 10, item 5: a burst of {@value #BURST} revocation events published as fast as one pipelined client can
 * (events only, or each through the issuer's script), then one more revocation. Each shot prints how fast the real {@link RevocationMirror} applied the burst (events/s, from
 * the first publish until the burst's last event is visible) and how long the revocation after it took to become
 * visible; the score is the time of the whole shot. The mirror runs on a real redis-server.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RevocationBurstBenchmark {

    static final int BURST = 100_000;
    /** The issuer's script: the blacklist key and the event in one step. */
    private static final String SET_AND_PUBLISH = """
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            redis.call('PUBLISH', ARGV[3], ARGV[4])
            return 1
            """;

    /** {@code publish}: events only; {@code script}: each through the issuer's script, so the blacklist grows too. */
    @Param({"publish", "script"})
    public String writes;
    private static final Duration GIVE_UP = Duration.ofMinutes(3);

    private final RedisNames names = new RedisNames(RedisNames.DEFAULT_PREFIX);
    private RedisFixture redis;
    private RevocationMirror mirror;
    private UnifiedJedis client;
    private String[] burst;
    private int shot;

    @Setup(Level.Trial)
    public void start() throws InterruptedException {
        redis = RedisFixture.start();
        RedisEndpoint endpoint = RedisEndpoint.loopback(redis.port());
        client = endpoint.client();
        ThreadFactory daemons = runnable -> {
            Thread thread = new Thread(runnable, "bench-mirror");
            thread.setDaemon(true);
            return thread;
        };
        mirror = new RevocationMirror(endpoint, names, FailPolicy.CLOSED, Duration.ofSeconds(30), Clock.systemUTC(),
                daemons);
        mirror.start();
        for (int i = 0; i < 600 && !mirror.isTrusted(); i++) {
            Thread.sleep(50);
        }
        if (!mirror.isTrusted()) {
            throw new IllegalStateException("the mirror never synchronised");
        }
    }

    @Setup(Level.Iteration)
    public void prepareBurst() {
        shot++;
        Instant expiresAt = Instant.now().plus(Duration.ofMinutes(30));
        burst = new String[BURST];
        for (int i = 0; i < BURST; i++) {
            burst[i] = RevocationEvent.rid("burst-" + shot + "-" + i, expiresAt).toJson();
        }
    }

    @Benchmark
    public boolean burstThenOneRevocation() {
        String last = "burst-" + shot + "-" + (BURST - 1);
        String after = "after-" + shot;
        long start = System.nanoTime();
        try (AbstractPipeline pipeline = client.pipelined()) {
            for (int i = 0; i < BURST; i++) {
                if ("script".equals(writes)) {
                    pipeline.eval(SET_AND_PUBLISH, List.of(names.blacklistKey(RevocationEvent.Type.RID,
                                    "burst-" + shot + "-" + i)),
                            List.of("1", "1800000", names.revocationChannel(), burst[i]));
                } else {
                    pipeline.publish(names.revocationChannel(), burst[i]);
                }
            }
            pipeline.sync();
        }
        long published = System.nanoTime();
        client.publish(names.revocationChannel(),
                RevocationEvent.rid(after, Instant.now().plus(Duration.ofMinutes(30))).toJson());
        long afterSent = System.nanoTime();
        boolean seen = await(after);
        long afterSeen = System.nanoTime();
        boolean burstSeen = mirror.isRevoked(last, null, null, null);
        System.out.printf("MEASURED burst of %d published in %d ms (%.0f events/s); the mirror applied it and the "
                        + "revocation after it at %.0f events/s; that revocation took %d ms to take effect%s%n",
                BURST, millis(start, published), BURST / seconds(start, published),
                (BURST + 1) / seconds(start, afterSeen), millis(afterSent, afterSeen),
                seen && burstSeen ? "" : " (NOT SEEN)");
        return seen;
    }

    @TearDown(Level.Trial)
    public void stop() {
        mirror.close();
        client.close();
        redis.close();
    }

    private boolean await(String rid) {
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        while (System.nanoTime() < deadline) {
            if (mirror.isRevoked(rid, null, null, null)) {
                return true;
            }
            Thread.onSpinWait();
        }
        return false;
    }

    private static long millis(long from, long to) {
        return TimeUnit.NANOSECONDS.toMillis(to - from);
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }
}
