package dev.rotor.filter.redis;

import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;

import java.time.Duration;

/** Opens single connections to one node with the credentials, TLS and database of a shared client configuration. */
record NodeConnector(JedisClientConfig config) {

    Jedis connect(HostAndPort node, Duration socketTimeout) {
        JedisClientConfig dedicated = DefaultJedisClientConfig.builder()
                .from(config)
                .socketTimeoutMillis((int) socketTimeout.toMillis())
                .build();
        return new Jedis(node, dedicated);
    }
}
