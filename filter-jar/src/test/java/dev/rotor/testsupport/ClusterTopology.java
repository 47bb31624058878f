package dev.rotor.testsupport;

import redis.clients.jedis.Jedis;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** One node's view of a Redis Cluster, read from {@code CLUSTER NODES}. */
final class ClusterTopology {

    private record Node(int port, Set<String> flags, String linkState, List<int[]> slots) {

        boolean isMaster() {
            return flags.contains("master");
        }

        boolean isHealthy() {
            return "connected".equals(linkState) && !flags.contains("fail") && !flags.contains("fail?")
                    && !flags.contains("handshake") && !flags.contains("noaddr");
        }

        boolean owns(int slot) {
            return slots.stream().anyMatch(range -> range[0] <= slot && slot <= range[1]);
        }
    }

    private final List<Node> nodes;

    private ClusterTopology(List<Node> nodes) {
        this.nodes = nodes;
    }

    static ClusterTopology read(RedisProcess node) {
        try (Jedis jedis = node.connect()) {
            return parse(jedis.clusterNodes());
        }
    }

    static ClusterTopology parse(String clusterNodes) {
        List<Node> nodes = new ArrayList<>();
        for (String line : clusterNodes.strip().split("\n")) {
            String[] fields = line.strip().split(" ");
            String address = fields[1];
            int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1, address.indexOf('@')));
            List<int[]> slots = new ArrayList<>();
            for (int i = 8; i < fields.length; i++) {
                if (!fields[i].startsWith("[")) {
                    String[] range = fields[i].split("-");
                    int from = Integer.parseInt(range[0]);
                    slots.add(new int[] {from, range.length > 1 ? Integer.parseInt(range[1]) : from});
                }
            }
            nodes.add(new Node(port, Set.of(fields[2].split(",")), fields[7], slots));
        }
        return new ClusterTopology(nodes);
    }

    /** The masters that own slots, failed or not. */
    List<Integer> masterPorts() {
        return nodes.stream().filter(node -> node.isMaster() && !node.slots().isEmpty()).map(Node::port).toList();
    }

    Optional<Integer> ownerOf(int slot) {
        return nodes.stream().filter(node -> node.isMaster() && node.owns(slot)).map(Node::port).findFirst();
    }

    /** Whether healthy masters own all 16384 slots. */
    boolean coversEverySlot() {
        BitSet covered = new BitSet(16384);
        nodes.stream().filter(node -> node.isMaster() && node.isHealthy())
                .forEach(node -> node.slots().forEach(range -> covered.set(range[0], range[1] + 1)));
        return covered.cardinality() == 16384;
    }

    /** How many nodes this one sees connected and not failing. */
    long healthyNodes() {
        return nodes.stream().filter(Node::isHealthy).count();
    }
}
