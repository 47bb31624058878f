package dev.rotor.filter.revocation;

import dev.rotor.filter.configuration.FailPolicy;
import dev.rotor.filter.configuration.RedisEndpoint;
import dev.rotor.filter.protocol.ChannelMessage;
import dev.rotor.filter.protocol.RedisNames;
import dev.rotor.filter.protocol.RevocationEvent;
import dev.rotor.testsupport.Await;
import dev.rotor.testsupport.BlacklistWriter;
import dev.rotor.testsupport.Poll;
import dev.rotor.testsupport.RedisFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.UnifiedJedis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Redis that restarts empty, or is flushed, gets its unexpired revocations back from the mirrors that hold them,
 * with their remaining TTL and in the issuer's format, so running verifiers and verifiers started afterwards both
 * reject the revoked tokens. Real redis-server, without persistence, so a restart loses everything.
 */
class BlacklistRepairTest {

    @RegisterExtension
    static final RedisFixture redis = RedisFixture.start();

    private static final Duration STALENESS = Duration.ofSeconds(3);
    private static final Duration RECOVERY = Duration.ofSeconds(10);
    private static final Logger REPAIR_LOG = Logger.getLogger(BlacklistRepair.class.getName());

    private final RedisNames names = new RedisNames("w" + UUID.randomUUID() + ":");
    private final BlacklistWriter writer = new BlacklistWriter(endpoint(), names, Clock.systemUTC());
    private final List<RevocationMirror> mirrors = new ArrayList<>();
    private final List<LogRecord> repairs = new CopyOnWriteArrayList<>();
    private final List<LogRecord> refusals = new CopyOnWriteArrayList<>();
    private final Handler repairLog = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getMessage().startsWith("ROTOR-M117")) {
                repairs.add(record);
            } else if (record.getMessage().startsWith("ROTOR-M118")) {
                refusals.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final ThreadFactory threads = runnable -> {
        Thread thread = new Thread(runnable, "repair-test");
        thread.setDaemon(true);
        return thread;
    };

    @BeforeEach
    void listenToRepairs() {
        REPAIR_LOG.addHandler(repairLog);
    }

    @AfterEach
    void closeMirrors() {
        REPAIR_LOG.removeHandler(repairLog);
        mirrors.forEach(RevocationMirror::close);
        if (!redis.isRunning()) {
            redis.restart();
        }
    }

    @Test
    void revocationsSurviveARedisRestartedEmptyAtARunningMirrorAndAtOneStartedAfterwards() {
        Instant now = Instant.now();
        // The running mirror's clock stands 20 s ahead, so what it writes back is 40 s of remaining TTL, not 60.
        RevocationMirror running = startTrusted(Clock.fixed(now.plusSeconds(20), ZoneOffset.UTC));
        writer.revoke(RevocationEvent.rid("session", now.plusSeconds(60)));
        writer.revoke(RevocationEvent.jti("token", now.plusSeconds(60)));
        writer.revoke(RevocationEvent.subject("bob", now, now.plusSeconds(60)));
        Await.that(() -> isRevoked(running, "session", null, null), RECOVERY, () -> "not mirrored");
        Await.that(() -> isRevoked(running, null, "token", null), RECOVERY, () -> "not mirrored");
        Await.that(() -> isRevoked(running, null, null, "bob"), RECOVERY, () -> "not mirrored");

        redis.restart();
        try (UnifiedJedis client = endpoint().client()) {
            Await.that(() -> client.exists(key(RevocationEvent.Type.SUB, "bob"))
                            && client.exists(key(RevocationEvent.Type.RID, "session"))
                            && client.exists(key(RevocationEvent.Type.JTI, "token")), RECOVERY,
                    () -> "not written back");
            assertEquals("1", client.get(key(RevocationEvent.Type.RID, "session")));
            assertEquals(Long.toString(now.getEpochSecond() + (now.getNano() > 0 ? 1 : 0)),
                    client.get(key(RevocationEvent.Type.SUB, "bob")));
            long remaining = Duration.ofSeconds(40).toMillis();
            long ttl = client.pttl(key(RevocationEvent.Type.JTI, "token"));
            assertTrue(ttl > remaining - RECOVERY.toMillis() && ttl <= remaining,
                    () -> "not the remaining TTL: " + ttl + " of " + remaining);
        }
        Await.that(running::isTrusted, RECOVERY, () -> "running mirror not trusted again");
        assertTrue(isRevoked(running, "session", null, null));

        RevocationMirror restarted = startTrusted();
        assertTrue(isRevoked(restarted, "session", null, null));
        assertTrue(isRevoked(restarted, null, "token", null));
        assertTrue(isRevoked(restarted, null, null, "bob"));
        assertFalse(isRevoked(restarted, "another-session", null, null));
        assertEquals(1, repairs.size(), "one repair, logged once");
        assertEquals(3, repairs.get(0).getParameters()[0], "the restart kept data");
    }

    @Test
    void anExpiredEntryIsNotWrittenBack() {
        Instant now = Instant.now();
        RevocationMirror mirror = startTrusted();
        writer.revoke(RevocationEvent.rid("short", now.plusMillis(1500)));
        writer.revoke(RevocationEvent.rid("long", now.plusSeconds(60)));
        Await.that(() -> isRevoked(mirror, "short", null, null), RECOVERY, () -> "not mirrored");
        Await.that(() -> !isRevoked(mirror, "short", null, null), RECOVERY, () -> "never expired");

        redis.restart();

        try (UnifiedJedis client = endpoint().client()) {
            Await.that(() -> client.exists(key(RevocationEvent.Type.RID, "long")), RECOVERY, () -> "no write-back");
            assertFalse(client.exists(key(RevocationEvent.Type.RID, "short")));
        }
        Await.that(() -> repairs.size() == 1, RECOVERY, () -> "no repair logged");
        assertEquals(1, repairs.get(0).getParameters()[0]);
    }

    @Test
    void twoMirrorsRepairAWipeOnceAndNeverOverwriteANewerEntry() throws InterruptedException {
        Instant now = Instant.now();
        RevocationMirror first = startTrusted();
        RevocationMirror second = startTrusted();
        writer.revoke(RevocationEvent.rid("old-session", now.plusSeconds(60)));
        writer.revoke(RevocationEvent.subject("carol", now.minusSeconds(100), now.plusSeconds(60)));
        for (RevocationMirror mirror : List.of(first, second)) {
            Await.that(() -> isRevoked(mirror, "old-session", null, null), RECOVERY, () -> "not mirrored");
            Await.that(() -> isRevoked(mirror, null, null, "carol"), RECOVERY, () -> "not mirrored");
        }
        List<RevocationEvent> republished = new CopyOnWriteArrayList<>();
        JedisPubSub channel = listen(republished);

        String newerCutoff = Long.toString(now.getEpochSecond() + 5);
        long newerTtl = Duration.ofMinutes(10).toMillis();
        try (Jedis admin = endpoint().connection(Duration.ofSeconds(2))) {
            // In one transaction, so no heartbeat can repair in between: the data is lost, and an issuer writes a
            // newer cutoff for carol before any mirror notices.
            admin.sendCommand(Protocol.Command.MULTI);
            admin.sendCommand(Protocol.Command.FLUSHALL);
            admin.sendCommand(Protocol.Command.SET, key(RevocationEvent.Type.SUB, "carol"), newerCutoff, "PX",
                    Long.toString(newerTtl));
            admin.sendCommand(Protocol.Command.EXEC);
        }

        Await.that(() -> repairs.size() == 2, RECOVERY, () -> "not both mirrors repaired: " + repairs.size());
        channel.unsubscribe();
        try (UnifiedJedis client = endpoint().client()) {
            assertEquals("1", client.get(key(RevocationEvent.Type.RID, "old-session")));
            assertEquals(newerCutoff, client.get(key(RevocationEvent.Type.SUB, "carol")), "overwritten");
            assertTrue(client.pttl(key(RevocationEvent.Type.SUB, "carol")) > Duration.ofMinutes(9).toMillis());
        }
        int written = repairs.stream().mapToInt(record -> (Integer) record.getParameters()[0]).sum();
        assertEquals(1, written, "old-session written once, carol never");
        Await.that(() -> !republished.isEmpty(), RECOVERY, () -> "nothing republished");
        assertEquals(List.of(RevocationEvent.rid("old-session", now.plusSeconds(60))), republished);
    }

    @Test
    void aRedisUserWithoutTheRightsToHealStillMirrorsAndSaysSoOnce() {
        String user = "no-heal-" + UUID.randomUUID();
        try (Jedis admin = endpoint().connection(Duration.ofSeconds(2))) {
            admin.aclSetUser(user, "on", ">secret", "~*", "&*", "+@all", "-set", "-eval", "-evalsha");
        }
        RedisEndpoint limited = RedisEndpoint.parse("rotor.redis-url",
                "redis://" + user + ":secret@127.0.0.1:" + redis.port());
        RevocationMirror mirror = new RevocationMirror(limited, names, FailPolicy.CLOSED, Duration.ofMillis(300),
                Clock.systemUTC(), threads);
        mirrors.add(mirror);
        mirror.start();
        Await.that(mirror::isTrusted, RECOVERY, () -> "a mirror that cannot heal must still work");

        writer.revoke(RevocationEvent.rid("limited", Instant.now().plusSeconds(60)));

        Await.that(() -> isRevoked(mirror, "limited", null, null), RECOVERY, () -> "not mirrored");
        Await.that(() -> !refusals.isEmpty(), RECOVERY, () -> "the refusal was not logged");
        // about ten heartbeats, each of which is refused again
        assertFalse(Poll.until(Duration.ofSeconds(1), () -> refusals.size() > 1), "logged more than once");
        assertTrue(mirror.isTrusted());
    }

    private JedisPubSub listen(List<RevocationEvent> received) throws InterruptedException {
        JedisPubSub listener = new JedisPubSub() {
            @Override
            public void onMessage(String channel, String message) {
                if (ChannelMessage.parse(message) instanceof RevocationEvent event) {
                    received.add(event);
                }
            }
        };
        Thread thread = threads.newThread(() -> {
            try (Jedis connection = endpoint().connection(Duration.ofSeconds(30))) {
                connection.subscribe(listener, names.revocationChannel());
            }
        });
        thread.start();
        Await.that(listener::isSubscribed, RECOVERY, () -> "test subscriber not subscribed");
        return listener;
    }

    private RevocationMirror startTrusted() {
        return startTrusted(Clock.systemUTC());
    }

    private RevocationMirror startTrusted(Clock clock) {
        RevocationMirror mirror = new RevocationMirror(endpoint(), names, FailPolicy.CLOSED, STALENESS, clock,
                threads);
        mirrors.add(mirror);
        mirror.start();
        Await.that(mirror::isTrusted, RECOVERY, () -> "mirror never trusted");
        return mirror;
    }

    private static boolean isRevoked(RevocationMirror mirror, String rid, String jti, String subject) {
        try {
            return mirror.isRevoked(rid, jti, subject, Instant.now().minusSeconds(3600));
        } catch (RevocationStateUnavailableException e) {
            return false;
        }
    }

    private String key(RevocationEvent.Type type, String value) {
        return names.blacklistKey(type, value);
    }

    private static RedisEndpoint endpoint() {
        return RedisEndpoint.loopback(redis.port());
    }
}
