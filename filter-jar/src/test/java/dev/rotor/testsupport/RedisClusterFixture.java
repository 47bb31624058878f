package dev.rotor.testsupport;

import dev.rotor.filter.configuration.RedisEndpoint;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.util.JedisClusterCRC16;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A real Redis Cluster of {@code redis-server --cluster-enabled yes} processes on loopback ports, with its files in
 * {@code target/redis-fixtures}, formed by {@link ClusterFormation}. Nodes fail over after a 1.5 s node timeout.
 *
 * <pre>{@code @RegisterExtension static final RedisClusterFixture cluster = RedisClusterFixture.start(3, 1);}</pre>
 */
public final class RedisClusterFixture implements AfterAllCallback, AutoCloseable {

    public static final int NODE_TIMEOUT_MILLIS = ClusterFormation.NODE_TIMEOUT_MILLIS;
    private static final Duration FORMATION = Duration.ofSeconds(20);

    private final Path dir;
    private final List<RedisProcess> nodes = new ArrayList<>();

    private RedisClusterFixture(Path dir) {
        this.dir = dir;
    }

    /** Starts {@code masters} masters, each with {@code replicasPerMaster} replicas, and waits until it is healthy. */
    public static RedisClusterFixture start(int masters, int replicasPerMaster) {
        RedisClusterFixture cluster = new RedisClusterFixture(TestDirectories.create("cluster-"));
        try {
            ClusterFormation.form(cluster.dir, cluster.nodes, masters, replicasPerMaster);
            cluster.awaitHealthy(FORMATION);
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** {@code redis-cluster://127.0.0.1:p1,127.0.0.1:p2,…} with every node. */
    public String url() {
        return "redis-cluster://" + nodes.stream().map(node -> "127.0.0.1:" + node.port())
                .collect(Collectors.joining(","));
    }

    public RedisEndpoint endpoint() {
        return RedisEndpoint.parse("rotor.redis.url", url());
    }

    public List<RedisProcess> nodes() {
        return List.copyOf(nodes);
    }

    public Optional<RedisProcess> node(int port) {
        return nodes.stream().filter(node -> node.port() == port).findFirst();
    }

    /** The live master that owns {@code key}'s slot, as a live node reports it. */
    public RedisProcess ownerOf(String key) {
        int slot = JedisClusterCRC16.getSlot(key);
        return ClusterTopology.read(anyLiveNode()).ownerOf(slot)
                .flatMap(this::node)
                .orElseThrow(() -> new IllegalStateException("no owner of slot " + slot));
    }

    /**
     * One value per master such that {@code keyOf(value)} lands on that master's slots: to write to every slot
     * owner.
     */
    public List<String> valuesOnEveryMaster(String stem, UnaryOperator<String> keyOf) {
        ClusterTopology topology = ClusterTopology.read(anyLiveNode());
        return topology.masterPorts().stream()
                .map(port -> IntStream.iterate(0, i -> i + 1).mapToObj(i -> stem + i)
                        .filter(value -> topology.ownerOf(JedisClusterCRC16.getSlot(keyOf.apply(value)))
                                .orElse(-1).equals(port))
                        .findFirst().orElseThrow())
                .toList();
    }

    /** The masters that own slots, as a live node reports them. */
    public List<RedisProcess> masters() {
        return ClusterTopology.read(anyLiveNode()).masterPorts().stream().map(this::node).flatMap(Optional::stream)
                .toList();
    }

    /** Waits until every live node says {@code cluster_state:ok} and every slot has a live master. */
    public void awaitHealthy(Duration timeout) {
        Await.that(this::isHealthy, timeout, () -> "cluster not healthy:\n" + describe());
    }

    @Override
    public void close() {
        nodes.forEach(RedisProcess::kill);
        TestDirectories.delete(dir);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private boolean isHealthy() {
        List<RedisProcess> live = nodes.stream().filter(RedisProcess::isAlive).toList();
        try {
            for (RedisProcess node : live) {
                try (Jedis jedis = node.connect()) {
                    if (!jedis.clusterInfo().contains("cluster_state:ok")) {
                        return false;
                    }
                }
            }
            ClusterTopology topology = ClusterTopology.read(live.get(0));
            return topology.coversEverySlot() && topology.healthyNodes() == live.size()
                    && live.stream().allMatch(RedisClusterFixture::isSyncedIfReplica);
        } catch (JedisException e) {
            return false;
        }
    }

    private static boolean isSyncedIfReplica(RedisProcess node) {
        try (Jedis jedis = node.connect()) {
            String replication = jedis.info("replication");
            return !replication.contains("role:slave") || replication.contains("master_link_status:up");
        }
    }

    private RedisProcess anyLiveNode() {
        return nodes.stream().filter(RedisProcess::isAlive).findFirst()
                .orElseThrow(() -> new IllegalStateException("every cluster node is down"));
    }

    private String describe() {
        return nodes.stream().map(node -> node.port() + (node.isAlive() ? " up" : " down")
                        + (node.isAlive() ? "\n" + nodesView(node) : ""))
                .collect(Collectors.joining("\n"));
    }

    private static String nodesView(RedisProcess node) {
        try (Jedis jedis = node.connect()) {
            return jedis.clusterNodes();
        } catch (JedisException e) {
            return e.toString();
        }
    }
}
