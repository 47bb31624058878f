package dev.rotor.filter.configuration;

import dev.rotor.filter.redis.RedisTopology;
import redis.clients.jedis.HostAndPort;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The validated parts of a Redis URL; see {@link RedisEndpoint} for the forms. Credentials are {@code null} when
 * absent.
 *
 * @param masterName       the Sentinel master name, {@code null} for the other topologies
 * @param sentinelUser     the user to log in to the sentinels with, or {@code null} for the default user
 * @param sentinelPassword the password of the sentinels, or {@code null} if they need none
 */
record RedisUrl(RedisTopology topology, boolean tls, String user, String password, List<HostAndPort> hosts,
                String masterName, int database, String sentinelUser, String sentinelPassword) {

    RedisUrl {
        hosts = List.copyOf(hosts);
    }

    static RedisUrl loopback(int port) {
        return new RedisUrl(RedisTopology.STANDALONE, false, null, null, List.of(new HostAndPort("127.0.0.1", port)),
                null, 0, null, null);
    }

    /** The URL without any credential: a password never reaches a log. */
    String redacted() {
        String scheme = (tls ? "rediss" : "redis") + switch (topology) {
            case STANDALONE -> "";
            case SENTINEL -> "-sentinel";
            case CLUSTER -> "-cluster";
        };
        String credentials = user != null || password != null ? "***@" : "";
        String master = masterName != null ? masterName + "@" : "";
        String nodes = hosts.stream().map(RedisUrl::render).collect(Collectors.joining(","));
        String path = database != 0 ? "/" + database : "";
        String sentinelAuth = sentinelUser != null || sentinelPassword != null ? "?sentinel-auth=***" : "";
        return scheme + "://" + credentials + master + nodes + path + sentinelAuth;
    }

    private static String render(HostAndPort node) {
        String host = node.getHost().indexOf(':') >= 0 ? "[" + node.getHost() + "]" : node.getHost();
        return host + ":" + node.getPort();
    }
}
