package dev.rotor.filter.redis;

import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

import java.time.Duration;
import java.util.List;

/** One server. Its pooled client connects lazily by itself, so it is created at once. */
final class StandaloneConnections implements RedisConnections {

    private final HostAndPort server;
    private final NodeConnector connector;
    private final UnifiedJedis client;

    StandaloneConnections(HostAndPort server, JedisClientConfig config) {
        this.server = server;
        this.connector = new NodeConnector(config);
        this.client = RedisClient.builder().hostAndPort(server).clientConfig(config).build();
    }

    @Override
    public RedisTopology topology() {
        return RedisTopology.STANDALONE;
    }

    @Override
    public UnifiedJedis client() {
        return client;
    }

    @Override
    public Jedis dedicatedConnection(Duration socketTimeout) {
        return connector.connect(server, socketTimeout);
    }

    @Override
    public boolean isSubscriberHome(HostAndPort node) {
        return true;
    }

    @Override
    public List<HostAndPort> masters() {
        return List.of(server);
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
