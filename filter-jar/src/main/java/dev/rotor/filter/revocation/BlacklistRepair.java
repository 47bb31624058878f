package dev.rotor.filter.revocation;

import dev.rotor.filter.protocol.RedisNames;
import dev.rotor.filter.protocol.RevocationEvent;
import dev.rotor.filter.redis.EpochMarkers;
import dev.rotor.filter.redis.RedisConnections;
import dev.rotor.filter.redis.RedisFailures;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives Redis back the revocations it lost. When the {@link EpochMarkers} show that Redis lost its data, or a master
 * was replaced (a Sentinel or Cluster replica promoted, which may lack the writes of the replication lag while it
 * kept the markers), every unexpired entry of the mirror is written back exactly as the issuer writes it (same key,
 * value and remaining TTL) and published on the revocation channel, so verifiers that start later find it in their
 * snapshot and running ones hear it. {@code SET NX} makes each write-back a no-op where the key exists: a newer entry
 * is never overwritten, and when several nodes repair at once each entry is written and published once.
 */
final class BlacklistRepair {

    private static final Logger LOG = Logger.getLogger(BlacklistRepair.class.getName());
    private static final int PAGE_SIZE = 500;
    /** KEYS[1] the blacklist key; ARGV: value, TTL in ms, channel, event. Publishes only what it wrote. */
    private static final String WRITE_BACK = """
            if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
              redis.call('PUBLISH', ARGV[3], ARGV[4])
              return 1
            end
            return 0
            """;

    private final RedisConnections redis;
    private final RedisNames names;
    private final EpochMarkers markers;
    private final Clock clock;
    private Set<HostAndPort> masters;
    private boolean pending;
    private boolean pendingLoss;
    private boolean refused;

    BlacklistRepair(RedisConnections redis, RedisNames names, Clock clock) {
        this.redis = redis;
        this.names = names;
        this.markers = new EpochMarkers(redis, names.epochMarker());
        this.clock = clock;
    }

    /**
     * Checks the markers and, if Redis lost its data, writes back what {@code store} holds. A Redis user without the
     * rights to do so is logged once per run of refusals and otherwise ignored: the mirror still works, it only
     * cannot heal Redis.
     *
     * @return how many entries were written back
     * @throws JedisException if Redis cannot be reached ({@link RedisFailures#isOutage})
     */
    synchronized int repairIfLost(RevocationStore store) {
        try {
            // A write-back that failed half-way is retried at the next check: the markers report a loss only once.
            boolean lost = markers.lostDataSinceLastCheck();
            boolean promoted = mastersChangedSinceLastCheck();
            pending |= lost || promoted;
            pendingLoss |= lost;
            int written = pending ? writeBack(store, pendingLoss) : 0;
            pending = false;
            pendingLoss = false;
            refused = false;
            return written;
        } catch (JedisException e) {
            if (RedisFailures.isOutage(e)) {
                throw e;
            }
            if (!refused) {
                refused = true;
                LOG.log(Level.WARNING, "ROTOR-M118 Redis refused the revocation mirror''s epoch marker or write-back "
                        + "({0}), so a Redis that loses its data is not healed by this mirror: the Redis user needs "
                        + "SET and GET on {1}*, EVAL, and SET and PUBLISH on the blacklist and channel",
                        new Object[] {e.getClass().getSimpleName(), names.epochMarker()});
            }
            return 0;
        }
    }

    /** Whether the masters differ from the last check's: never on the first call. */
    private boolean mastersChangedSinceLastCheck() {
        Set<HostAndPort> now = Set.copyOf(redis.masters());
        boolean changed = masters != null && !masters.equals(now);
        masters = now;
        return changed;
    }

    private int writeBack(RevocationStore store, boolean lost) {
        List<RevocationEvent> live = store.live();
        int written = 0;
        for (int from = 0; from < live.size(); from += PAGE_SIZE) {
            written += writePage(live.subList(from, Math.min(live.size(), from + PAGE_SIZE)));
        }
        if (lost) {
            LOG.log(Level.WARNING, "ROTOR-M117 Redis lost its data: the revocation mirror wrote back {0} of its {1} "
                    + "unexpired entries (the others were there already)", new Object[] {written, live.size()});
        } else {
            LOG.log(written > 0 ? Level.WARNING : Level.INFO, "ROTOR-M120 a Redis master was replaced: the "
                    + "revocation mirror wrote back {0} of its {1} unexpired entries, which the promoted replica had "
                    + "not received (the others were there already)", new Object[] {written, live.size()});
        }
        return written;
    }

    private int writePage(List<RevocationEvent> page) {
        Instant now = clock.instant();
        List<Response<Object>> replies = new ArrayList<>(page.size());
        try (AbstractPipeline pipeline = redis.client().pipelined()) {
            for (RevocationEvent event : page) {
                long ttlMillis = Duration.between(now, event.expiresAt()).toMillis();
                if (ttlMillis > 0) {
                    replies.add(pipeline.eval(WRITE_BACK, List.of(names.blacklistKey(event.type(), event.value())),
                            List.of(event.blacklistValue(), Long.toString(ttlMillis), names.revocationChannel(),
                                    event.toJson())));
                }
            }
            pipeline.sync();
        }
        return (int) replies.stream().filter(reply -> Long.valueOf(1).equals(reply.get())).count();
    }
}
