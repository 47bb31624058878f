package dev.rotor.testsupport;

import dev.rotor.filter.configuration.RedisEndpoint;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A real Sentinel setup: a master, one replica and three sentinels (quorum 2), all {@code redis-server} child
 * processes on loopback ports with their files in {@code target/redis-fixtures}. A sentinel calls the master down
 * after 1 s of silence, so a failover after {@link #killMaster()} takes a few seconds.
 *
 * <pre>{@code @RegisterExtension static final RedisSentinelFixture sentinel = RedisSentinelFixture.start();}</pre>
 */
public final class RedisSentinelFixture implements AfterAllCallback, AutoCloseable {

    public static final String MASTER_NAME = "rotor-master";
    public static final int DOWN_AFTER_MILLIS = 1000;
    private static final Duration FORMATION = Duration.ofSeconds(20);

    private final Path dir;
    private final List<RedisProcess> servers = new ArrayList<>();
    private final List<RedisProcess> sentinels = new ArrayList<>();

    private RedisSentinelFixture(Path dir) {
        this.dir = dir;
    }

    public static RedisSentinelFixture start() {
        RedisSentinelFixture fixture = new RedisSentinelFixture(TestDirectories.create("sentinel-"));
        try {
            fixture.form();
            return fixture;
        } catch (RuntimeException e) {
            fixture.close();
            throw e;
        }
    }

    /** {@code redis-sentinel://rotor-master@127.0.0.1:s1,127.0.0.1:s2,127.0.0.1:s3}. */
    public String url() {
        return "redis-sentinel://" + MASTER_NAME + "@" + sentinels.stream()
                .map(sentinel -> "127.0.0.1:" + sentinel.port()).collect(Collectors.joining(","));
    }

    public RedisEndpoint endpoint() {
        return RedisEndpoint.parse("rotor.redis.url", url());
    }

    public List<RedisProcess> servers() {
        return List.copyOf(servers);
    }

    /** The server that a live sentinel names as the master now. */
    public RedisProcess master() {
        return reportedMaster().orElseThrow(() -> new IllegalStateException("no sentinel names a master"));
    }

    /** Kills the current master with {@code kill -9} and returns it. */
    public RedisProcess killMaster() {
        RedisProcess master = master();
        master.kill();
        return master;
    }

    /** Waits until every sentinel names another live server as master and that server says it is one. */
    public RedisProcess awaitPromotion(RedisProcess old, Duration timeout) {
        Await.that(() -> isPromoted(old), timeout, this::describe);
        return master();
    }

    /**
     * Waits until every server is up, the one the sentinels name is a master and every other server is its synced
     * replica, known to every sentinel: e.g. after {@link #restartServers()} brought an old master back.
     */
    public void awaitHealthy(Duration timeout) {
        Await.that(this::isHealthy, timeout, this::describe);
    }

    /** Starts every server that is down again, empty; Sentinel turns a returning old master into a replica. */
    public void restartServers() {
        servers.forEach(RedisProcess::start);
    }

    /** Asks a sentinel for a failover with the old master still alive: it is demoted to a replica. */
    public void failover() {
        try (Jedis jedis = sentinels.get(0).connect()) {
            jedis.sentinelFailover(MASTER_NAME);
        }
    }

    @Override
    public void close() {
        sentinels.forEach(RedisProcess::kill);
        servers.forEach(RedisProcess::kill);
        TestDirectories.delete(dir);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private void form() {
        RedisProcess master = RedisProcess.server(dir, RedisFixture.freePort(), List.of());
        servers.add(master);
        master.start();
        RedisProcess replica = RedisProcess.server(dir, RedisFixture.freePort(),
                List.of("replicaof 127.0.0.1 " + master.port()));
        servers.add(replica);
        replica.start();
        Await.that(() -> isSyncedReplica(replica), FORMATION, replica::logTail);
        for (int i = 0; i < 3; i++) {
            RedisProcess sentinel = RedisProcess.sentinel(dir, RedisFixture.freePort(), List.of(
                    "sentinel monitor " + MASTER_NAME + " 127.0.0.1 " + master.port() + " 2",
                    "sentinel down-after-milliseconds " + MASTER_NAME + " " + DOWN_AFTER_MILLIS,
                    "sentinel failover-timeout " + MASTER_NAME + " 5000",
                    "sentinel parallel-syncs " + MASTER_NAME + " 1"));
            sentinels.add(sentinel);
            sentinel.start();
        }
        Await.that(this::sentinelsKnowEverything, FORMATION, this::describe);
    }

    private boolean isHealthy() {
        if (!servers.stream().allMatch(RedisProcess::isAlive)) {
            return false;
        }
        Optional<RedisProcess> master = reportedMaster();
        if (master.isEmpty() || !replicationSays(master.get(), "role:master")) {
            return false;
        }
        return servers.stream().filter(server -> server != master.get()).allMatch(RedisSentinelFixture::isSyncedReplica)
                && sentinels.stream().allMatch(sentinel -> knowsHealthyReplicas(sentinel, servers.size() - 1));
    }

    private static boolean knowsHealthyReplicas(RedisProcess sentinel, int expected) {
        try (Jedis jedis = sentinel.connect()) {
            return jedis.sentinelReplicas(MASTER_NAME).stream()
                    .filter(replica -> !replica.getOrDefault("flags", "").contains("down")
                            && !replica.getOrDefault("flags", "").contains("disconnected"))
                    .count() == expected;
        } catch (JedisException e) {
            return false;
        }
    }

    private static boolean replicationSays(RedisProcess server, String text) {
        try (Jedis jedis = server.connect()) {
            return jedis.info("replication").contains(text);
        } catch (JedisException e) {
            return false;
        }
    }

    private boolean sentinelsKnowEverything() {
        return sentinels.stream().allMatch(sentinel -> {
            try (Jedis jedis = sentinel.connect()) {
                return jedis.sentinelSentinels(MASTER_NAME).size() == sentinels.size() - 1
                        && !jedis.sentinelReplicas(MASTER_NAME).isEmpty();
            } catch (JedisException e) {
                return false;
            }
        });
    }

    /** Whether every sentinel names a live server other than {@code old} as master, and that server agrees. */
    public boolean isPromoted(RedisProcess old) {
        for (RedisProcess sentinel : sentinels) {
            Optional<RedisProcess> named = namedBy(sentinel);
            if (named.isEmpty() || named.get() == old || !named.get().isAlive()) {
                return false;
            }
        }
        return replicationSays(master(), "role:master");
    }

    private Optional<RedisProcess> reportedMaster() {
        return sentinels.stream().filter(RedisProcess::isAlive).map(this::namedBy)
                .flatMap(Optional::stream).findFirst();
    }

    private Optional<RedisProcess> namedBy(RedisProcess sentinel) {
        try (Jedis jedis = sentinel.connect()) {
            int port = Integer.parseInt(jedis.sentinelGetMasterAddrByName(MASTER_NAME).get(1));
            return servers.stream().filter(server -> server.port() == port).findFirst();
        } catch (JedisException e) {
            return Optional.empty();
        }
    }

    private static boolean isSyncedReplica(RedisProcess replica) {
        return replicationSays(replica, "master_link_status:up");
    }

    private String describe() {
        return sentinels.stream().map(sentinel -> sentinel.port() + ": " + namedBy(sentinel).map(RedisProcess::port)
                .map(String::valueOf).orElse("?") + "\n" + sentinel.logTail()).collect(Collectors.joining("\n"));
    }
}
