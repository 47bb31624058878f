package dev.rotor.filter.redis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisAskDataException;
import redis.clients.jedis.exceptions.JedisBusyException;
import redis.clients.jedis.exceptions.JedisClusterException;
import redis.clients.jedis.exceptions.JedisClusterOperationException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisMovedDataException;
import redis.clients.jedis.exceptions.JedisNoScriptException;
import redis.clients.jedis.exceptions.UnsupportedAggregationException;

import java.net.ConnectException;
import java.util.NoSuchElementException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What Jedis 8 throws, as measured in the Cluster and Sentinel tests or as Jedis builds it from a Redis reply. */
class RedisFailuresTest {

    private static final HostAndPort NODE = new HostAndPort("127.0.0.1", 7000);

    @Test
    void connectionFailuresAreOutagesAlsoWhenWrapped() {
        JedisConnectionException refused = new JedisConnectionException("Failed to connect to 127.0.0.1:7000.",
                new ConnectException("Connection refused"));

        assertTrue(RedisFailures.isOutage(refused));
        assertTrue(RedisFailures.isOutage(new JedisConnectionException("Unexpected end of stream.")));
        assertTrue(RedisFailures.isOutage(new JedisException("Could not get a resource from the pool", refused)));
        assertTrue(RedisFailures.isOutage(
                new JedisConnectionException("All sentinels down, cannot determine where m is running.")));
    }

    @Test
    void aClusterThatJedisGaveUpOnIsAnOutage() {
        JedisConnectionException refused = new JedisConnectionException("Failed to connect to 127.0.0.1:7000.");

        assertTrue(RedisFailures.isOutage(new JedisClusterOperationException("No more cluster attempts left.",
                refused, NODE)));
        assertTrue(RedisFailures.isOutage(new JedisClusterOperationException("Cluster retry deadline exceeded.")));
        assertTrue(RedisFailures.isOutage(
                new JedisClusterOperationException("Could not initialize cluster slots cache.")));
        assertTrue(RedisFailures.isOutage(new JedisClusterOperationException("No reachable node in cluster.")));
        assertTrue(RedisFailures.isOutage(new JedisClusterOperationException("Cluster slots have holes.")));
    }

    @Test
    void aCommandWhoseKeysSpanSlotsIsABug() {
        assertFalse(RedisFailures.isOutage(
                new JedisClusterOperationException("Cannot get connection for command with multiple hash slots")));
        assertFalse(RedisFailures.isOutage(new UnsupportedAggregationException("no aggregation for this reply")));
    }

    @Test
    void redirectionsThatReachTheCallerAreOutages() {
        assertTrue(RedisFailures.isOutage(new JedisMovedDataException("MOVED 3999 127.0.0.1:7001", NODE, 3999)));
        assertTrue(RedisFailures.isOutage(new JedisAskDataException("ASK 3999 127.0.0.1:7001", NODE, 3999)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "CLUSTERDOWN The cluster is down",
            "CLUSTERDOWN Hash slot not served",
            "TRYAGAIN Multiple keys request during rehashing of slot",
            "LOADING Redis is loading the dataset in memory",
            "MASTERDOWN Link with MASTER is down and replica-serve-stale-data is set to 'no'.",
            "READONLY You can't write against a read only replica.",
            "NOREPLICAS Not enough good replicas to write.",
            "MISCONF Redis is configured to save RDB snapshots, but it's currently unable to persist to disk."
    })
    void repliesThatMeanTheServerCannotServeNowAreOutages(String reply) {
        JedisDataException failure = reply.startsWith("CLUSTERDOWN") ? new JedisClusterException(reply)
                : new JedisDataException(reply);

        assertTrue(RedisFailures.isOutage(failure));
    }

    @Test
    void aScriptThatRunsTooLongIsAnOutage() {
        assertTrue(RedisFailures.isOutage(new JedisBusyException("BUSY Redis is busy running a script.")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "ERR Error running script (call to f_0123): @user_script:1: Script attempted to access nonexistent global",
            "WRONGTYPE Operation against a key holding the wrong kind of value",
            "ERR wrong number of arguments for 'set' command",
            "ERR Script attempted to access a non local key in a cluster node script",
            "CROSSSLOT Keys in request don't hash to the same slot",
            "LOADINGX not a real code",
            ""
    })
    void errorsInTheCommandItselfAreBugs(String reply) {
        assertFalse(RedisFailures.isOutage(new JedisDataException(reply)));
    }

    @Test
    void refusedCredentialsAndOtherFailuresAreNotOutages() {
        assertFalse(RedisFailures.isOutage(new JedisAccessControlException("WRONGPASS invalid username-password")));
        assertFalse(RedisFailures.isOutage(new JedisAccessControlException("NOAUTH Authentication required.")));
        assertFalse(RedisFailures.isOutage(new JedisNoScriptException("NOSCRIPT No matching script.")));
        assertFalse(RedisFailures.isOutage(new JedisDataException((String) null)));
        assertFalse(RedisFailures.isOutage(new JedisException("Could not return the resource to the pool")));
    }

    @Test
    void anExhaustedPoolIsAnOutage() {
        assertTrue(RedisFailures.isOutage(new JedisException("Could not get a resource from the pool",
                new NoSuchElementException("Timeout waiting for idle object"))));
    }
}
