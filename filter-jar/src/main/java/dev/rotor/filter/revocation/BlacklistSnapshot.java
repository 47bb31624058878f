package dev.rotor.filter.revocation;

import dev.rotor.filter.protocol.InvalidRevocationEventException;
import dev.rotor.filter.protocol.RedisNames;
import dev.rotor.filter.protocol.RevocationEvent;
import dev.rotor.filter.redis.RedisConnections;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads the whole Redis blacklist into a {@link RevocationStore}: on every master (one, or each Cluster slot owner),
 * SCAN in pages (never KEYS, which blocks Redis), then GET and PTTL for each page in one pipeline on the same node.
 * If any master cannot be read the snapshot fails as a whole, so a subscription is never called synchronised on a
 * partial blacklist.
 */
final class BlacklistSnapshot {

    private static final Logger LOG = Logger.getLogger(BlacklistSnapshot.class.getName());
    private static final int PAGE_SIZE = 1000;
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
    /** Entries are written with a TTL; one without is kept this long and then refreshed by the next snapshot. */
    private static final Duration NO_TTL_EXPIRY = Duration.ofDays(1);

    private record Entry(String key, Response<String> value, Response<Long> ttlMillis) {
    }

    private final RedisConnections redis;
    private final String keyPrefix;
    private final Clock clock;

    BlacklistSnapshot(RedisConnections redis, RedisNames names, Clock clock) {
        this.redis = redis;
        this.keyPrefix = names.blacklistPrefix();
        this.clock = clock;
    }

    /** @return how many entries were merged into {@code store} */
    int loadInto(RevocationStore store) {
        int loaded = 0;
        for (HostAndPort master : redis.masters()) {
            try (Jedis node = redis.connect(master, READ_TIMEOUT)) {
                loaded += loadNode(node, store);
            }
        }
        return loaded;
    }

    private int loadNode(Jedis node, RevocationStore store) {
        ScanParams params = new ScanParams().match(escapeGlob(keyPrefix) + "*").count(PAGE_SIZE);
        String cursor = ScanParams.SCAN_POINTER_START;
        int loaded = 0;
        do {
            ScanResult<String> page = node.scan(cursor, params);
            loaded += loadPage(node, page.getResult(), store);
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        return loaded;
    }

    private int loadPage(Jedis node, List<String> keys, RevocationStore store) {
        List<Entry> entries = new ArrayList<>(keys.size());
        try (Pipeline pipeline = node.pipelined()) {
            for (String key : keys) {
                entries.add(new Entry(key, pipeline.get(key), pipeline.pttl(key)));
            }
            pipeline.sync();
        }
        Instant now = clock.instant();
        int loaded = 0;
        for (Entry entry : entries) {
            String value = entry.value().get();
            long ttlMillis = entry.ttlMillis().get();
            if (value == null || ttlMillis == -2) {
                continue;
            }
            Instant expiresAt = ttlMillis < 0 ? now.plus(NO_TTL_EXPIRY) : now.plusMillis(ttlMillis);
            try {
                store.apply(toEvent(entry.key(), value, expiresAt));
                loaded++;
            } catch (InvalidRevocationEventException | NumberFormatException e) {
                LOG.log(Level.WARNING, "ROTOR-M107 ignored a malformed blacklist entry ({0} characters)",
                        entry.key().length());
            }
        }
        return loaded;
    }

    private RevocationEvent toEvent(String key, String value, Instant expiresAt) {
        String rest = key.substring(keyPrefix.length());
        int colon = rest.indexOf(':');
        if (colon < 0) {
            throw new InvalidRevocationEventException("blacklist key has no type");
        }
        RevocationEvent.Type type = RevocationEvent.Type.fromWireName(rest.substring(0, colon));
        Instant notBefore = type == RevocationEvent.Type.SUB ? Instant.ofEpochSecond(Long.parseLong(value)) : null;
        return new RevocationEvent(type, rest.substring(colon + 1), notBefore, expiresAt);
    }

    private static String escapeGlob(String literal) {
        return literal.replaceAll("([*?\\[\\]\\\\])", "\\\\$1");
    }
}
