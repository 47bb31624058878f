package dev.rotor.filter.redis;

import dev.rotor.filter.configuration.RedisEndpoint;
import dev.rotor.testsupport.RedisFixture;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisException;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Connections to a Redis that is not there: made without contacting it, failing with outages when used. */
class RedisConnectionsTest {

    private static final String KEY = "rotor.redis.url";

    @Test
    void aStandaloneClientIsMadeAtOnceAndFailsWithAnOutageWhenUsed() {
        RedisEndpoint nowhere = RedisEndpoint.loopback(RedisFixture.freePort());
        try (RedisConnections connections = nowhere.connect()) {
            JedisException ping = assertThrows(JedisException.class, () -> connections.client().ping());
            JedisException dedicated = assertThrows(JedisException.class,
                    () -> connections.dedicatedConnection(Duration.ofSeconds(1)));

            assertEquals(RedisTopology.STANDALONE, connections.topology());
            assertTrue(RedisFailures.isOutage(ping), ping::toString);
            assertTrue(RedisFailures.isOutage(dedicated), dedicated::toString);
        }
    }

    @Test
    void aSentinelClientWaitsForASentinelAndFailsWithAnOutageMeanwhile() {
        RedisEndpoint nowhere = RedisEndpoint.parse(KEY, "redis-sentinel://m@127.0.0.1:" + RedisFixture.freePort()
                + ",127.0.0.1:" + RedisFixture.freePort());
        try (RedisConnections connections = nowhere.connect()) {
            JedisException client = assertThrows(JedisException.class, connections::client);
            JedisException masters = assertThrows(JedisException.class, connections::masters);

            assertEquals(RedisTopology.SENTINEL, connections.topology());
            assertTrue(RedisFailures.isOutage(client), client::toString);
            assertTrue(RedisFailures.isOutage(masters), masters::toString);
        }
    }

    @Test
    void aClusterClientWaitsForANodeAndFailsWithAnOutageMeanwhile() {
        RedisEndpoint nowhere = RedisEndpoint.parse(KEY, "redis-cluster://127.0.0.1:" + RedisFixture.freePort());
        try (RedisConnections connections = nowhere.connect()) {
            JedisException client = assertThrows(JedisException.class, connections::client);
            JedisException viaEndpoint = assertThrows(JedisException.class, nowhere::client);

            assertEquals(RedisTopology.CLUSTER, connections.topology());
            assertTrue(RedisFailures.isOutage(client), client::toString);
            assertTrue(RedisFailures.isOutage(viaEndpoint), viaEndpoint::toString);
        }
    }

    @Test
    void closedConnectionsRefuseToMakeAClient() {
        RedisConnections connections = RedisEndpoint.parse(KEY, "redis-cluster://127.0.0.1:1").connect();
        connections.close();

        assertThrows(IllegalStateException.class, connections::client);
    }
}
