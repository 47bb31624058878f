package dev.rotor.testsupport;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

/**
 * Forms a Redis Cluster through Jedis ({@code CLUSTER ADDSLOTS}, {@code SET-CONFIG-EPOCH}, {@code MEET},
 * {@code REPLICATE}) rather than {@code redis-cli --cluster create}, because a fresh machine has only the
 * redis-server that embedded-redis ships.
 */
final class ClusterFormation {

    static final int NODE_TIMEOUT_MILLIS = 1500;
    private static final Duration FORMATION = Duration.ofSeconds(20);

    private ClusterFormation() {
    }

    /**
     * Starts the nodes, adding each to {@code nodes} before it starts (so that the caller can kill them whatever
     * fails), gives the first {@code masters} the slots and makes the rest their replicas, in turn.
     */
    static void form(Path dir, List<RedisProcess> nodes, int masters, int replicasPerMaster) {
        int total = masters * (1 + replicasPerMaster);
        for (int i = 0; i < total; i++) {
            RedisProcess node = RedisProcess.server(dir, clusterPort(), List.of(
                    "cluster-enabled yes",
                    "cluster-config-file nodes.conf",
                    "cluster-node-timeout " + NODE_TIMEOUT_MILLIS,
                    "cluster-replica-validity-factor 0"));
            nodes.add(node);
            node.start();
        }
        assignSlots(nodes, masters);
        for (RedisProcess node : nodes.subList(1, total)) {
            try (Jedis first = nodes.get(0).connect()) {
                first.clusterMeet("127.0.0.1", node.port());
            }
        }
        Await.that(() -> nodes.stream().allMatch(node -> knownNodes(node) == total), FORMATION,
                () -> "nodes did not meet");
        for (int i = masters; i < total; i++) {
            String masterId = nodeId(nodes.get((i - masters) % masters));
            try (Jedis replica = nodes.get(i).connect()) {
                replica.clusterReplicate(masterId);
            }
        }
    }

    private static void assignSlots(List<RedisProcess> nodes, int masters) {
        for (int i = 0; i < masters; i++) {
            int from = i * 16384 / masters;
            int to = (i + 1) * 16384 / masters;
            try (Jedis master = nodes.get(i).connect()) {
                master.clusterSetConfigEpoch(i + 1);
                master.clusterAddSlots(IntStream.range(from, to).toArray());
            }
        }
    }

    private static long knownNodes(RedisProcess node) {
        try (Jedis jedis = node.connect()) {
            return jedis.clusterNodes().lines().filter(line -> !line.contains("handshake")).count();
        } catch (JedisException e) {
            return 0;
        }
    }

    private static String nodeId(RedisProcess node) {
        try (Jedis jedis = node.connect()) {
            return jedis.clusterMyId();
        }
    }

    /**
     * A port whose cluster bus port (+10000) is free too, both below the kernel's ephemeral range; Redis 6.2 cannot
     * move the bus elsewhere.
     */
    private static int clusterPort() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(20_000, 22_768);
            if (isFree(port) && isFree(port + 10_000)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port pair for a cluster node");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
