package dev.rotor.issuer.keys.control;

import dev.rotor.filter.protocol.KeyAnnouncement;
import dev.rotor.filter.protocol.RedisNames;
import dev.rotor.filter.redis.RedisConnections;
import dev.rotor.issuer.availability.RedisCalls;
import dev.rotor.issuer.availability.RedisUnavailableException.Store;
import dev.rotor.issuer.configuration.IssuerConfig;
import dev.rotor.issuer.keys.entity.PublishedKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import redis.clients.jedis.params.ZRangeParams;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * The registry in Redis: a sorted set of kids scored by expiry, and a hash of kid → key record. Reading costs
 * O(live keys) and never uses {@code KEYS}. Both entries carry a TTL of the latest expiry, so a registry whose
 * instances all died cleans itself up. The hash tag keeps both on one Cluster slot for the script.
 */
@ApplicationScoped
public class RedisPublicKeyRegistry implements PublicKeyRegistry {

    private static final Logger LOG = Logger.getLogger(RedisPublicKeyRegistry.class.getName());

    /**
     * ARGV: now, the channel, then (kid, expiry, record, announcement) quadruples. Upserts, announces every kid the
     * registry did not hold (a new key, or every key again after Redis lost its data), drops expired kids, then
     * renews both TTLs.
     */
    private static final String PUBLISH = """
            for i = 3, #ARGV, 4 do
              if redis.call('ZADD', KEYS[1], ARGV[i + 1], ARGV[i]) == 1 then
                redis.call('PUBLISH', ARGV[2], ARGV[i + 3])
              end
              redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 2])
            end
            local expired = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
            for _, kid in ipairs(expired) do redis.call('HDEL', KEYS[2], kid) end
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
            local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
            if last[2] then
              redis.call('PEXPIREAT', KEYS[1], last[2])
              redis.call('PEXPIREAT', KEYS[2], last[2])
            end
            return #expired
            """;

    /**
     * ARGV: the channel, then (kid, expiry, record, announcement) quadruples. Adds and announces only the kids the
     * registry does not hold, so a key it holds keeps the expiry its instance gave it; then extends both TTLs.
     */
    private static final String RESTORE = """
            local restored = 0
            for i = 2, #ARGV, 4 do
              if redis.call('ZADD', KEYS[1], 'NX', ARGV[i + 1], ARGV[i]) == 1 then
                redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 2])
                redis.call('PUBLISH', ARGV[1], ARGV[i + 3])
                restored = restored + 1
              end
            end
            local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
            if last[2] then
              redis.call('PEXPIREAT', KEYS[1], last[2])
              redis.call('PEXPIREAT', KEYS[2], last[2])
            end
            return restored
            """;

    private final RedisConnections redis;
    private final String expiryKey;
    private final String recordKey;
    private final String channel;

    @Inject
    public RedisPublicKeyRegistry(RedisConnections redis, IssuerConfig config) {
        this(redis, config.redisNames().prefix());
    }

    public RedisPublicKeyRegistry(RedisConnections redis, String prefix) {
        RedisNames names = new RedisNames(prefix);
        this.redis = redis;
        this.expiryKey = names.keyExpiries();
        this.recordKey = names.keyRecords();
        this.channel = names.revocationChannel();
    }

    protected RedisPublicKeyRegistry() {
        this.redis = null;
        this.expiryKey = null;
        this.recordKey = null;
        this.channel = null;
    }

    @Override
    public void publish(List<PublishedKey> keys, Instant now) {
        List<String> args = new ArrayList<>();
        args.add(Long.toString(now.toEpochMilli()));
        args.add(channel);
        addKeys(args, keys);
        RedisCalls.run(Store.KEYS, () -> redis.client().eval(PUBLISH, List.of(expiryKey, recordKey), args));
    }

    @Override
    public int restore(List<PublishedKey> keys, Instant now) {
        List<String> args = new ArrayList<>();
        args.add(channel);
        addKeys(args, keys.stream().filter(key -> key.expiresAt().isAfter(now)).toList());
        if (args.size() == 1) {
            return 0;
        }
        Object restored = RedisCalls.call(Store.KEYS,
                () -> redis.client().eval(RESTORE, List.of(expiryKey, recordKey), args));
        return ((Long) restored).intValue();
    }

    private void addKeys(List<String> args, List<PublishedKey> keys) {
        for (PublishedKey key : keys) {
            args.add(key.kid());
            args.add(Long.toString(key.expiresAt().toEpochMilli()));
            args.add(PublishedKeyJson.write(key));
            args.add(new KeyAnnouncement(key.kid()).toJson());
        }
    }

    @Override
    public List<PublishedKey> live(Instant now) {
        // scores are whole milliseconds: "after now" is "at least now + 1"
        List<String> kids = RedisCalls.call(Store.KEYS, () -> redis.client().zrange(expiryKey,
                ZRangeParams.zrangeByScoreParams(now.toEpochMilli() + 1, Double.POSITIVE_INFINITY)));
        if (kids.isEmpty()) {
            return List.of();
        }
        return RedisCalls.call(Store.KEYS, () -> redis.client().hmget(recordKey, kids.toArray(String[]::new))).stream()
                .filter(Objects::nonNull)
                .map(this::readOrSkip)
                .filter(Objects::nonNull)
                .toList();
    }

    private PublishedKey readOrSkip(String json) {
        try {
            return PublishedKeyJson.read(json);
        } catch (RuntimeException e) {
            LOG.warning("ROTOR-K101 skipped a malformed public-key record in Redis");
            return null;
        }
    }
}
