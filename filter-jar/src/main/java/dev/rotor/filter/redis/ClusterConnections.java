package dev.rotor.filter.redis;

import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.providers.ClusterConnectionProvider;
import redis.clients.jedis.util.JedisClusterCRC16;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A Redis Cluster. The client routes each command to the owner of its key's slot and follows {@code MOVED}
 * redirections; its slot map also tells which nodes are masters, so a snapshot can scan each of them. Classic pub/sub
 * is broadcast to every node, so a subscriber may sit on any node and moves to another when its node dies.
 */
final class ClusterConnections implements RedisConnections {

    /** Jedis' default: enough to ride out a redirection or two and one connection failure. */
    private static final int MAX_ATTEMPTS = 5;
    /**
     * How long one command may keep retrying while its slot has no reachable master. Jedis' default, five socket
     * timeouts, would hold a request for 10 s; a failover takes at least {@code cluster-node-timeout}, so callers
     * should rather get an outage (503) sooner.
     */
    private static final Duration RETRIES = Duration.ofSeconds(4);
    /** Enough tags to hit every master of any real cluster: each one lands on a uniformly spread slot. */
    private static final int TAGS_TO_TRY = 1 << 16;

    private record Cluster(RedisClusterClient client, ClusterConnectionProvider provider) implements AutoCloseable {

        @Override
        public void close() {
            client.close();
        }
    }

    private final Set<HostAndPort> seeds;
    private final NodeConnector connector;
    private final LazyClient<Cluster> cluster;

    ClusterConnections(Set<HostAndPort> seeds, JedisClientConfig config) {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("a Redis Cluster needs at least one seed node");
        }
        this.seeds = Set.copyOf(seeds);
        this.connector = new NodeConnector(config);
        this.cluster = new LazyClient<>(() -> connect(this.seeds, config));
    }

    @Override
    public RedisTopology topology() {
        return RedisTopology.CLUSTER;
    }

    @Override
    public UnifiedJedis client() {
        return cluster.get().client();
    }

    @Override
    public Jedis dedicatedConnection(Duration socketTimeout) {
        Set<HostAndPort> known = new LinkedHashSet<>();
        cluster.get().client().getClusterNodes().keySet().forEach(node -> known.add(HostAndPort.from(node)));
        known.addAll(seeds);
        List<HostAndPort> candidates = new ArrayList<>(known);
        Collections.shuffle(candidates, ThreadLocalRandom.current());
        JedisConnectionException first = null;
        for (HostAndPort node : candidates) {
            try {
                return connector.connect(node, socketTimeout);
            } catch (JedisConnectionException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        throw first;
    }

    @Override
    public boolean isSubscriberHome(HostAndPort node) {
        return true;
    }

    @Override
    public List<HostAndPort> masters() {
        ClusterConnectionProvider provider = cluster.get().provider();
        provider.renewSlotCache();
        return provider.getPrimaryNodes().keySet().stream().map(HostAndPort::from).toList();
    }

    @Override
    public List<String> keyOnEachMaster(String name) {
        ClusterConnectionProvider provider = cluster.get().provider();
        provider.renewSlotCache();
        Set<HostAndPort> masters = new LinkedHashSet<>();
        provider.getPrimaryNodes().keySet().forEach(node -> masters.add(HostAndPort.from(node)));
        List<String> keys = new ArrayList<>(masters.size());
        for (int tag = 0; tag < TAGS_TO_TRY && !masters.isEmpty(); tag++) {
            String key = name + "{" + tag + "}";
            if (masters.remove(provider.getNode(JedisClusterCRC16.getSlot(key)))) {
                keys.add(key);
            }
        }
        return List.copyOf(keys);
    }

    @Override
    public Jedis connect(HostAndPort node, Duration socketTimeout) {
        return connector.connect(node, socketTimeout);
    }

    @Override
    public void close() {
        cluster.close();
    }

    private static Cluster connect(Set<HostAndPort> seeds, JedisClientConfig config) {
        ClusterConnectionProvider provider = new ClusterConnectionProvider(seeds, config);
        try {
            RedisClusterClient client = RedisClusterClient.builder()
                    .nodes(seeds)
                    .clientConfig(config)
                    .connectionProvider(provider)
                    .maxAttempts(MAX_ATTEMPTS)
                    .maxTotalRetriesDuration(RETRIES)
                    .build();
            return new Cluster(client, provider);
        } catch (RuntimeException e) {
            provider.close();
            throw e;
        }
    }
}
