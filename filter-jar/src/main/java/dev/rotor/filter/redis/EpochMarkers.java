package dev.rotor.filter.redis;

import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Tells a node that Redis lost its data since it last looked. Every master keeps a marker key without TTL (one per
 * master, {@link RedisConnections#keyOnEachMaster}) holding a random epoch id, created with {@code SET NX} by
 * whichever node finds it missing first. A node remembers the epoch it saw on each marker; a marker that is gone, or
 * holds another epoch, means the master restarted empty, was flushed, or was replaced by a node without the data.
 * Thread-safe.
 */
public final class EpochMarkers {

    private final RedisConnections redis;
    private final String name;
    private final Map<String, String> seen = new HashMap<>();

    /** @param name the marker's key, e.g. {@link dev.rotor.filter.protocol.RedisNames#epochMarker()} */
    public EpochMarkers(RedisConnections redis, String name) {
        this.redis = redis;
        this.name = name;
    }

    /**
     * Reads every master's marker, creating the missing ones.
     *
     * @return whether a marker seen by an earlier call is gone or changed; never on the first call
     * @throws redis.clients.jedis.exceptions.JedisException if Redis cannot be read or written
     */
    public synchronized boolean lostDataSinceLastCheck() {
        UnifiedJedis client = redis.client();
        boolean lost = false;
        for (String key : redis.keyOnEachMaster(name)) {
            String fresh = UUID.randomUUID().toString();
            String current = "OK".equals(client.set(key, fresh, SetParams.setParams().nx())) ? fresh : client.get(key);
            if (current == null) {
                continue;
            }
            String before = seen.put(key, current);
            lost |= before != null && !before.equals(current);
        }
        return lost;
    }
}
