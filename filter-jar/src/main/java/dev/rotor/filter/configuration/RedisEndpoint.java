package dev.rotor.filter.configuration;

import dev.rotor.filter.redis.RedisConnections;
import dev.rotor.filter.redis.RedisTopology;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisProtocol;
import redis.clients.jedis.UnifiedJedis;

import java.time.Duration;
import java.util.Set;

/**
 * Where Redis is, and in which topology, as one URL:
 * <ul>
 *   <li>{@code redis://[user:password@]host:port[/db]}: one server;</li>
 *   <li>{@code redis-sentinel://[user:password@]master-name@host:port,host:port[/db][?sentinel-user=…&sentinel-password=…]}:
 *       the master that the listed sentinels know by {@code master-name}, followed across failovers. The
 *       credentials before the master name log in to the master and its replicas; the sentinels get none unless
 *       {@code sentinel-password} (and optionally {@code sentinel-user}) is given;</li>
 *   <li>{@code redis-cluster://[user:password@]host:port,host:port}: a Redis Cluster, discovered from any listed
 *       node (database 0 only).</li>
 * </ul>
 * {@code rediss}, {@code rediss-sentinel} and {@code rediss-cluster} use TLS, to the sentinels as well, with the JVM's
 * trust store. Characters such as {@code @ : / ? # % &} in a user or password must be percent-encoded. Every
 * connection has a 2 s connect and read timeout. {@link #toString()} never shows a user or password.
 */
public final class RedisEndpoint {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final RedisUrl url;

    private RedisEndpoint(RedisUrl url) {
        this.url = url;
    }

    /**
     * @throws InvalidSettingException naming {@code key} when {@code text} is not one of the URL forms above; the
     *         message never repeats the value
     */
    public static RedisEndpoint parse(String key, String text) {
        return new RedisEndpoint(RedisUrlParser.parse(key, text));
    }

    /** A standalone Redis without credentials on {@code 127.0.0.1:port}. */
    public static RedisEndpoint loopback(int port) {
        return new RedisEndpoint(RedisUrl.loopback(port));
    }

    public RedisTopology topology() {
        return url.topology();
    }

    /**
     * Everything a long-lived component needs, created without contacting Redis: the shared client (made on first
     * use), dedicated connections and the list of masters. The caller closes it.
     */
    public RedisConnections connect() {
        JedisClientConfig nodes = nodeConfig();
        return switch (url.topology()) {
            case STANDALONE -> RedisConnections.standalone(url.hosts().get(0), nodes);
            case SENTINEL -> RedisConnections.sentinel(url.masterName(), Set.copyOf(url.hosts()), nodes,
                    sentinelConfig());
            case CLUSTER -> RedisConnections.cluster(Set.copyOf(url.hosts()), nodes);
        };
    }

    /**
     * A pooled, thread-safe client for any topology: {@code RedisClient}, {@code RedisSentinelClient} or
     * {@code RedisClusterClient}. The caller closes it. A standalone client connects on first use; a Sentinel or
     * Cluster client contacts the sentinels or nodes here and throws an exception that
     * {@link dev.rotor.filter.redis.RedisFailures#isOutage} calls an outage if none answers; use {@link #connect()}
     * to start while Redis may be down.
     */
    public UnifiedJedis client() {
        return connect().client();
    }

    /**
     * One dedicated connection, e.g. for a blocking subscriber or a test: to the server, to the current master on
     * Sentinel, or to one reachable node of a Cluster. The caller closes it.
     */
    public Jedis connection(Duration socketTimeout) {
        try (RedisConnections connections = connect()) {
            return connections.dedicatedConnection(socketTimeout);
        }
    }

    @SuppressWarnings("deprecation") // ssl(boolean) is the one switch that keeps the JVM's default trust store
    private JedisClientConfig nodeConfig() {
        return DefaultJedisClientConfig.builder()
                .user(url.user())
                .password(url.password())
                .database(url.database())
                .ssl(url.tls())
                .connectionTimeoutMillis((int) TIMEOUT.toMillis())
                .socketTimeoutMillis((int) TIMEOUT.toMillis())
                .clientName("rotor")
                .protocol(RedisProtocol.RESP2)
                .build();
    }

    @SuppressWarnings("deprecation")
    private JedisClientConfig sentinelConfig() {
        return DefaultJedisClientConfig.builder()
                .user(url.sentinelUser())
                .password(url.sentinelPassword())
                .ssl(url.tls())
                .connectionTimeoutMillis((int) TIMEOUT.toMillis())
                .socketTimeoutMillis((int) TIMEOUT.toMillis())
                .clientName("rotor")
                .protocol(RedisProtocol.RESP2)
                .build();
    }

    @Override
    public String toString() {
        return url.redacted();
    }
}
