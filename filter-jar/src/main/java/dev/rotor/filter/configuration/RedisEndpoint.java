package dev.rotor.filter.configuration;

import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisProtocol;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.util.JedisURIHelper;

import java.net.URI;
import java.time.Duration;

/**
 * Where Redis is: {@code redis://[user:password@]host:port[/db]}, or {@code rediss://} for TLS.
 * {@link #toString()} never shows the password.
 */
public final class RedisEndpoint {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final URI uri;

    private RedisEndpoint(URI uri) {
        this.uri = uri;
    }

    /** @throws InvalidSettingException naming {@code key} when {@code text} is not a usable Redis URL */
    public static RedisEndpoint parse(String key, String text) {
        URI uri = Settings.parseUri(key, text);
        if (!JedisURIHelper.isRedisScheme(uri) && !JedisURIHelper.isRedisSSLScheme(uri)) {
            throw new InvalidSettingException(key, "must start with redis:// or rediss://");
        }
        if (uri.getHost() == null || uri.getPort() < 0) {
            throw new InvalidSettingException(key, "must name a host and a port, e.g. redis://localhost:6379");
        }
        if (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().matches("/\\d{1,2}")) {
            throw new InvalidSettingException(key, "the path must be a database number, e.g. /0");
        }
        return new RedisEndpoint(uri);
    }

    public static RedisEndpoint loopback(int port) {
        return new RedisEndpoint(URI.create("redis://127.0.0.1:" + port));
    }

    /** A pooled, thread-safe client. The caller closes it. */
    public UnifiedJedis client() {
        return RedisClient.builder().hostAndPort(hostAndPort()).clientConfig(clientConfig(TIMEOUT)).build();
    }

    /** One dedicated connection, e.g. for a blocking subscriber. The caller closes it. */
    public Jedis connection(Duration socketTimeout) {
        return new Jedis(hostAndPort(), clientConfig(socketTimeout));
    }

    private HostAndPort hostAndPort() {
        return JedisURIHelper.getHostAndPort(uri);
    }

    @SuppressWarnings("deprecation") // ssl(boolean) is the one switch that keeps the JVM's default trust store
    private JedisClientConfig clientConfig(Duration socketTimeout) {
        return DefaultJedisClientConfig.builder()
                .user(JedisURIHelper.getUser(uri))
                .password(JedisURIHelper.getPassword(uri))
                .database(JedisURIHelper.getDBIndex(uri))
                .ssl(JedisURIHelper.isRedisSSLScheme(uri))
                .connectionTimeoutMillis((int) TIMEOUT.toMillis())
                .socketTimeoutMillis((int) socketTimeout.toMillis())
                .clientName("rotor")
                .protocol(RedisProtocol.RESP2)
                .build();
    }

    @Override
    public String toString() {
        return uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort() + (uri.getPath() == null ? "" : uri.getPath());
    }
}
