package dev.rotor.filter.redis;

import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisSentinelClient;
import redis.clients.jedis.UnifiedJedis;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A master tracked by Sentinel. Jedis' {@link RedisSentinelClient} asks the sentinels where the master is and listens
 * for their {@code +switch-master} announcements, so its pool and {@link #masters()} follow a failover; dedicated
 * connections go to the master it currently knows.
 */
final class SentinelConnections implements RedisConnections {

    private final NodeConnector connector;
    private final LazyClient<RedisSentinelClient> client;

    SentinelConnections(String masterName, Set<HostAndPort> sentinels, JedisClientConfig masterConfig,
                        JedisClientConfig sentinelConfig) {
        this.connector = new NodeConnector(masterConfig);
        this.client = new LazyClient<>(() -> RedisSentinelClient.builder()
                .masterName(masterName)
                .sentinels(Set.copyOf(sentinels))
                .clientConfig(masterConfig)
                .sentinelClientConfig(sentinelConfig)
                .build());
    }

    @Override
    public RedisTopology topology() {
        return RedisTopology.SENTINEL;
    }

    @Override
    public UnifiedJedis client() {
        return client.get();
    }

    @Override
    public Jedis dedicatedConnection(Duration socketTimeout) {
        return connector.connect(client.get().getCurrentMaster(), socketTimeout);
    }

    @Override
    public boolean isSubscriberHome(HostAndPort node) {
        return node.equals(client.get().getCurrentMaster());
    }

    @Override
    public List<HostAndPort> masters() {
        return List.of(client.get().getCurrentMaster());
    }

    @Override
    public List<String> keyOnEachMaster(String name) {
        return List.of(name);
    }

    @Override
    public Jedis connect(HostAndPort node, Duration socketTimeout) {
        return connector.connect(node, socketTimeout);
    }

    @Override
    public void close() {
        client.close();
    }
}
