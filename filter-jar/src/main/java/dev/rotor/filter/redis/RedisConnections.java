package dev.rotor.filter.redis;

import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.UnifiedJedis;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The ways Rotor talks to one Redis deployment, whatever its topology: a shared pooled client for commands, dedicated
 * connections for a blocking subscriber, and the list of masters that a full {@code SCAN} must visit. Nothing
 * connects until it is first needed, so it can be created while Redis is down; the methods that need Redis throw a
 * {@link redis.clients.jedis.exceptions.JedisException} that {@link RedisFailures#isOutage} classifies.
 * Thread-safe. Closing it closes the shared client.
 */
public interface RedisConnections extends AutoCloseable {

    /** A standalone server. */
    static RedisConnections standalone(HostAndPort server, JedisClientConfig config) {
        return new StandaloneConnections(server, config);
    }

    /**
     * A master that Sentinel tracks.
     *
     * @param masterConfig   how to log in to the master (and its replicas)
     * @param sentinelConfig how to log in to the sentinels
     */
    static RedisConnections sentinel(String masterName, Set<HostAndPort> sentinels, JedisClientConfig masterConfig,
                                     JedisClientConfig sentinelConfig) {
        return new SentinelConnections(masterName, sentinels, masterConfig, sentinelConfig);
    }

    /** A Redis Cluster, discovered from any of {@code seeds}. */
    static RedisConnections cluster(Set<HostAndPort> seeds, JedisClientConfig config) {
        return new ClusterConnections(seeds, config);
    }

    RedisTopology topology();

    /**
     * The shared, pooled, thread-safe client, created on the first call: a {@code RedisClient},
     * {@code RedisSentinelClient} (which follows the master across failovers) or {@code RedisClusterClient}. On
     * Sentinel and Cluster the first call contacts the sentinels or seed nodes and throws an outage exception if none
     * answers; a later call tries again. Do not close it; close this instead.
     */
    UnifiedJedis client();

    /**
     * A new connection of its own, for a blocking subscriber, to a node that receives every classic
     * {@code PUBLISH}: the server; the current master on Sentinel; on Cluster any reachable node (classic pub/sub is
     * broadcast to every node), tried in random order so that subscribers spread and a dead node is skipped. The
     * caller closes it.
     */
    Jedis dedicatedConnection(Duration socketTimeout);

    /**
     * Whether a subscriber connected to {@code node} is still where it should be. On Sentinel only the current
     * master is, so a subscriber on a demoted master moves after a failover; elsewhere every node is.
     */
    boolean isSubscriberHome(HostAndPort node);

    /**
     * Every node that holds a share of the keys right now: the server, the current master, or on Cluster the owner of
     * every slot range after a refresh of the slot map. A full {@code SCAN} visits each of them.
     */
    List<HostAndPort> masters();

    /**
     * One key name per master in {@link #masters()}, each on a slot that master owns: {@code name} itself on one
     * server, {@code name{tag}} on a Cluster, with the first tag that hashes to that master. A key kept under each
     * lives on every share of the data.
     */
    List<String> keyOnEachMaster(String name);

    /** A new connection of its own to {@code node}, with the same credentials and TLS. The caller closes it. */
    Jedis connect(HostAndPort node, Duration socketTimeout);

    @Override
    void close();
}
