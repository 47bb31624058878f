package dev.rotor.filter.configuration;

import dev.rotor.filter.redis.RedisTopology;
import redis.clients.jedis.HostAndPort;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The {@code host:port,host:port} part of a Redis URL: names, IPv4 or {@code [IPv6]}, each with its port. */
final class RedisHostList {

    static final int MAX_HOSTS = 64;

    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,252}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

    private final String key;

    private RedisHostList(String key) {
        this.key = key;
    }

    /** @return the distinct hosts in their order; exactly one for {@link RedisTopology#STANDALONE} */
    static List<HostAndPort> parse(String key, RedisTopology topology, String text) {
        return new RedisHostList(key).parse(topology, text);
    }

    private List<HostAndPort> parse(RedisTopology topology, String text) {
        if (text.isEmpty()) {
            throw invalid("must name a host and a port, e.g. redis://localhost:6379");
        }
        String[] parts = text.split(",", -1);
        if (parts.length > MAX_HOSTS) {
            throw invalid("names more than " + MAX_HOSTS + " hosts");
        }
        if (topology == RedisTopology.STANDALONE && parts.length > 1) {
            throw invalid("names several hosts; use redis-sentinel:// or redis-cluster:// for those");
        }
        Set<HostAndPort> hosts = new LinkedHashSet<>();
        for (String part : parts) {
            hosts.add(hostAndPort(part));
        }
        return List.copyOf(hosts);
    }

    private HostAndPort hostAndPort(String text) {
        String host;
        String port;
        if (text.startsWith("[")) {
            int close = text.indexOf("]:");
            host = close < 0 ? "" : text.substring(1, close);
            port = close < 0 ? "" : text.substring(close + 2);
            if (!IPV6.matcher(host).matches()) {
                throw invalid("has a malformed IPv6 host; write it as [::1]:6379");
            }
        } else {
            int colon = text.lastIndexOf(':');
            host = colon < 0 ? text : text.substring(0, colon);
            port = colon < 0 ? "" : text.substring(colon + 1);
            if (!HOST_NAME.matcher(host).matches()) {
                throw invalid("has an empty or malformed host; every host is name:port, e.g. localhost:6379");
            }
        }
        int number = PORT.matcher(port).matches() ? Integer.parseInt(port) : 0;
        if (number < 1 || number > 65_535) {
            throw invalid("needs a port from 1 to 65535 after every host, e.g. localhost:6379");
        }
        return new HostAndPort(host, number);
    }

    private InvalidSettingException invalid(String problem) {
        return new InvalidSettingException(key, problem);
    }
}
