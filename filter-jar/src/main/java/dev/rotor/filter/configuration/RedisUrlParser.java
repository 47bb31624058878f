package dev.rotor.filter.configuration;

import dev.rotor.filter.redis.RedisTopology;
import redis.clients.jedis.HostAndPort;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses the Redis URL forms of {@link RedisEndpoint}. {@code java.net.URI} cannot: a host list is no server-based
 * authority. Every message names the setting and never echoes the value, which may hold a password.
 */
final class RedisUrlParser {

    static final int MAX_LENGTH = 4096;

    private static final Map<String, RedisTopology> SCHEMES = Map.of(
            "redis", RedisTopology.STANDALONE, "rediss", RedisTopology.STANDALONE,
            "redis-sentinel", RedisTopology.SENTINEL, "rediss-sentinel", RedisTopology.SENTINEL,
            "redis-cluster", RedisTopology.CLUSTER, "rediss-cluster", RedisTopology.CLUSTER);
    private static final Pattern PRINTABLE = Pattern.compile("[\\x21-\\x7e]+");
    private static final Pattern MASTER_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern DATABASE = Pattern.compile("/[0-9]{1,2}");
    private static final String FORMS = "must start with redis://, rediss://, redis-sentinel://, rediss-sentinel://, "
            + "redis-cluster:// or rediss-cluster://";

    /** A user ({@code null} for the default user) and a password, or neither. */
    private record Login(String user, String password) {

        static final Login NONE = new Login(null, null);
    }

    private final String key;

    private RedisUrlParser(String key) {
        this.key = key;
    }

    static RedisUrl parse(String key, String text) {
        return new RedisUrlParser(key).parse(text);
    }

    private RedisUrl parse(String text) {
        if (text == null || text.isEmpty()) {
            throw invalid("is empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw invalid("is longer than " + MAX_LENGTH + " characters");
        }
        if (!PRINTABLE.matcher(text).matches()) {
            throw invalid("must be printable ASCII without spaces; percent-encode anything else");
        }
        int schemeEnd = text.indexOf("://");
        RedisTopology topology = schemeEnd < 0 ? null : SCHEMES.get(text.substring(0, schemeEnd).toLowerCase(Locale.ROOT));
        if (topology == null) {
            throw invalid(FORMS);
        }
        boolean tls = text.regionMatches(true, 0, "rediss", 0, 6);
        String rest = text.substring(schemeEnd + 3);
        if (rest.indexOf('#') >= 0) {
            throw invalid("must not have a #fragment");
        }
        int queryStart = rest.indexOf('?');
        String query = queryStart < 0 ? "" : rest.substring(queryStart + 1);
        String beforeQuery = queryStart < 0 ? rest : rest.substring(0, queryStart);
        int pathStart = beforeQuery.indexOf('/');
        String authority = pathStart < 0 ? beforeQuery : beforeQuery.substring(0, pathStart);
        String path = pathStart < 0 ? "" : beforeQuery.substring(pathStart);

        int hostsStart = authority.lastIndexOf('@');
        List<HostAndPort> hosts = RedisHostList.parse(key, topology, authority.substring(hostsStart + 1));
        String front = hostsStart < 0 ? null : authority.substring(0, hostsStart);
        String masterName = null;
        if (topology == RedisTopology.SENTINEL) {
            int masterStart = front == null ? -1 : front.lastIndexOf('@');
            masterName = front == null ? "" : front.substring(masterStart + 1);
            front = masterStart < 0 ? null : front.substring(0, masterStart);
            if (!MASTER_NAME.matcher(masterName).matches()) {
                throw invalid("must name the master, at most 64 letters, digits and ._-: "
                        + "redis-sentinel://[user:password@]master-name@host:port,host:port[/db]");
            }
        }
        Login login = front == null ? Login.NONE : login(front);
        Login sentinelLogin = sentinelLogin(topology, query);
        return new RedisUrl(topology, tls, login.user(), login.password(), hosts, masterName,
                database(topology, path), sentinelLogin.user(), sentinelLogin.password());
    }

    private Login login(String userInfo) {
        int colon = userInfo.indexOf(':');
        if (colon < 0) {
            throw invalid("credentials must be user:password, or :password for the default user");
        }
        String user = decode(userInfo.substring(0, colon));
        String password = decode(userInfo.substring(colon + 1));
        if (password.isEmpty()) {
            throw invalid("has an empty password");
        }
        return new Login(user.isEmpty() ? null : user, password);
    }

    private Login sentinelLogin(RedisTopology topology, String query) {
        if (query.isEmpty()) {
            return Login.NONE;
        }
        if (topology != RedisTopology.SENTINEL) {
            throw invalid("takes no ?parameters");
        }
        String[] credentials = new String[2];
        for (String pair : query.split("&", -1)) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            int index = "sentinel-user".equals(name) ? 0 : "sentinel-password".equals(name) ? 1 : -1;
            if (index < 0 || equals < 0 || credentials[index] != null) {
                throw invalid("takes only the parameters sentinel-user=… and sentinel-password=…, each once");
            }
            credentials[index] = decode(pair.substring(equals + 1));
            if (credentials[index].isEmpty()) {
                throw invalid("has an empty sentinel-user or sentinel-password");
            }
        }
        if (credentials[0] != null && credentials[1] == null) {
            throw invalid("has a sentinel-user without a sentinel-password");
        }
        return new Login(credentials[0], credentials[1]);
    }

    private int database(RedisTopology topology, String path) {
        if (path.isEmpty()) {
            return 0;
        }
        if (!DATABASE.matcher(path).matches()) {
            throw invalid("the path must be a database number, e.g. /0");
        }
        int database = Integer.parseInt(path.substring(1));
        if (topology == RedisTopology.CLUSTER && database != 0) {
            throw invalid("Redis Cluster has only database 0");
        }
        return database;
    }

    private String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid("has a malformed %-escape");
        }
    }

    private InvalidSettingException invalid(String problem) {
        return new InvalidSettingException(key, problem);
    }
}
