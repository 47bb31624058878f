package dev.rotor.filter.revocation;

import dev.rotor.filter.configuration.FailPolicy;
import dev.rotor.filter.protocol.RedisNames;
import dev.rotor.filter.protocol.RevocationEvent;
import dev.rotor.filter.redis.RedisFailures;
import dev.rotor.testsupport.Await;
import dev.rotor.testsupport.BlacklistWriter;
import dev.rotor.testsupport.OutageLog;
import dev.rotor.testsupport.RedisProcess;
import dev.rotor.testsupport.RedisSentinelFixture;
import dev.rotor.testsupport.TrustWatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadFactory;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The mirror on a real Sentinel setup (master, replica, three sentinels): it follows the master through a manual
 * failover (old master demoted) and a {@code kill -9} of the master. Measured times are printed as
 * {@code MEASURED …}.
 */
class SentinelRevocationMirrorTest {

    @RegisterExtension
    static final RedisSentinelFixture sentinel = RedisSentinelFixture.start();

    private static final Duration PROPAGATION = Duration.ofSeconds(2);
    private static final Duration RECOVERY = Duration.ofSeconds(20);
    private static final Duration STALENESS = Duration.ofSeconds(1);

    private static UnifiedJedis issuer;

    private final RedisNames names = new RedisNames("s" + UUID.randomUUID() + ":");
    private final BlacklistWriter writer = new BlacklistWriter(sentinel.endpoint(), names, Clock.systemUTC());
    private final List<RevocationMirror> mirrors = new ArrayList<>();
    private final ThreadFactory threads = runnable -> {
        Thread thread = new Thread(runnable, "sentinel-mirror-test");
        thread.setDaemon(true);
        return thread;
    };

    @BeforeAll
    static void connectTheIssuer() {
        issuer = sentinel.endpoint().client();
    }

    @AfterAll
    static void closeTheIssuer() {
        issuer.close();
    }

    @AfterEach
    void closeMirrorsAndHealSentinel() {
        mirrors.forEach(RevocationMirror::close);
        sentinel.restartServers();
        sentinel.awaitHealthy(RECOVERY);
    }

    @Test
    void revocationsAndTheSnapshotComeFromTheMaster() {
        writer.store(issuer, RevocationEvent.rid("stored", inAMinute()));
        RevocationMirror mirror = startTrusted();

        writer.revokeWithScript(issuer, RevocationEvent.rid("published", inAMinute()));

        assertTrue(isRevoked(mirror, "stored"));
        Await.that(() -> isRevoked(mirror, "published"), PROPAGATION, () -> "published");
        assertFalse(isRevoked(mirror, "never-revoked"));
        assertTrue(subscribedAt(sentinel.master()));
    }

    @Test
    void aManualFailoverMovesTheSubscriptionToTheNewMaster() {
        RevocationMirror mirror = startTrusted();
        RedisProcess old = sentinel.master();
        TrustWatch watch = TrustWatch.start(mirror::isTrusted);

        sentinel.failover();
        OutageLog writes = OutageLog.repeat(
                () -> writer.revokeWithScript(issuer, RevocationEvent.rid("after-switch", inAMinute())),
                () -> sentinel.isPromoted(old), RECOVERY);
        RedisProcess promoted = sentinel.awaitPromotion(old, RECOVERY);

        Await.that(() -> subscribedAt(promoted) && !subscribedAt(old), RECOVERY, () -> "subscription did not move");
        Await.that(() -> isRevoked(mirror, "after-switch"), PROPAGATION, () -> "after-switch");
        System.out.printf("MEASURED sentinel, manual failover: mirror untrusted for %d ms (staleness %s); writes %s%n",
                watch.stop().toMillis(), STALENESS, writes.summary());
        assertOutages(writes);
    }

    @Test
    void aKilledMasterIsReplacedAndTheMirrorFollowsWithoutForgettingWhatItSaw() {
        RevocationMirror mirror = startTrusted();
        writer.revokeWithScript(issuer, RevocationEvent.rid("just-before-the-kill", inAMinute()));
        Await.that(() -> isRevoked(mirror, "just-before-the-kill"), PROPAGATION, () -> "just-before-the-kill");
        TrustWatch watch = TrustWatch.start(mirror::isTrusted);
        writer.revokeWithScript(issuer, RevocationEvent.rid("at-the-kill", inAMinute()));
        long killedAt = System.nanoTime();

        RedisProcess old = sentinel.killMaster();
        OutageLog writes = OutageLog.retry(
                () -> writer.revokeWithScript(issuer, RevocationEvent.rid("after-the-kill", inAMinute())), RECOVERY);
        RedisProcess promoted = sentinel.awaitPromotion(old, RECOVERY);
        Duration promotion = Duration.ofNanos(System.nanoTime() - killedAt);

        assertTrue(writes.succeeded(), writes::summary);
        assertNotEquals(old, promoted);
        Await.that(() -> isRevoked(mirror, "after-the-kill"), RECOVERY, () -> "after-the-kill");
        Await.that(mirror::isTrusted, RECOVERY, () -> "mirror not trusted again");
        assertTrue(isRevoked(mirror, "just-before-the-kill"));
        System.out.printf("MEASURED sentinel, master killed: promotion seen after <= %d ms (down-after %d ms); "
                        + "mirror untrusted for %d ms (staleness %s); revocation seen by the mirror before the kill "
                        + "still in Redis: %s; revocation written right before the kill in Redis: %s, in the mirror: "
                        + "%s; writes %s%n", promotion.toMillis(), RedisSentinelFixture.DOWN_AFTER_MILLIS,
                watch.stop().toMillis(), STALENESS, inRedis("just-before-the-kill"), inRedis("at-the-kill"),
                isRevoked(mirror, "at-the-kill"), writes.summary());
        assertOutages(writes);
    }

    @Test
    void aRevocationThePromotedReplicaMissedIsWrittenBackByTheMirrorThatHeldIt() {
        RevocationMirror mirror = startTrusted();
        writer.revokeWithScript(issuer, RevocationEvent.rid("lost-in-the-lag", inAMinute()));
        Await.that(() -> isRevoked(mirror, "lost-in-the-lag"), PROPAGATION, () -> "lost-in-the-lag");
        RedisProcess replica = sentinel.servers().stream().filter(server -> server != sentinel.master()).findFirst()
                .orElseThrow();
        Await.that(() -> exists(replica, "lost-in-the-lag"), PROPAGATION, () -> "replicated");
        // What asynchronous replication loses when the master dies right after acknowledging a write.
        try (Jedis jedis = replica.connect()) {
            jedis.configSet("replica-read-only", "no");
            jedis.del(names.blacklistKey(RevocationEvent.Type.RID, "lost-in-the-lag"));
            jedis.configSet("replica-read-only", "yes");
        }
        long killedAt = System.nanoTime();

        RedisProcess old = sentinel.killMaster();
        RedisProcess promoted = sentinel.awaitPromotion(old, RECOVERY);
        assertTrue(promoted == replica);
        Await.that(() -> exists(promoted, "lost-in-the-lag"), RECOVERY,
                () -> "not written back to the promoted master");
        Duration healed = Duration.ofNanos(System.nanoTime() - killedAt);

        RevocationMirror later = startTrusted();
        assertTrue(isRevoked(later, "lost-in-the-lag"), "a mirror started after the failover knows it");
        System.out.printf("MEASURED sentinel, a revocation the promoted replica missed: back in Redis %d ms after "
                + "the kill%n", healed.toMillis());
    }

    private boolean exists(RedisProcess server, String rid) {
        try (Jedis jedis = server.connect()) {
            return jedis.exists(names.blacklistKey(RevocationEvent.Type.RID, rid));
        } catch (JedisException e) {
            return false;
        }
    }

    private void assertOutages(OutageLog writes) {
        for (JedisException failure : writes.failures()) {
            assertTrue(RedisFailures.isOutage(failure), () -> "not classified as an outage: " + failure);
        }
    }

    private RevocationMirror startTrusted() {
        RevocationMirror mirror = new RevocationMirror(sentinel.endpoint(), names, FailPolicy.CLOSED, STALENESS,
                Clock.systemUTC(), threads);
        mirrors.add(mirror);
        mirror.start();
        Await.that(mirror::isTrusted, RECOVERY, () -> "mirror never trusted");
        return mirror;
    }

    private boolean inRedis(String rid) {
        return issuer.exists(names.blacklistKey(RevocationEvent.Type.RID, rid));
    }

    private boolean subscribedAt(RedisProcess server) {
        try (Jedis jedis = server.connect()) {
            return !jedis.pubsubChannels(names.prefix() + "probe:*").isEmpty();
        } catch (JedisException e) {
            return false;
        }
    }

    private static boolean isRevoked(RevocationMirror mirror, String rid) {
        try {
            return mirror.isRevoked(rid, "t", "alice", Instant.now());
        } catch (RevocationStateUnavailableException e) {
            return false;
        }
    }

    private static Instant inAMinute() {
        return Instant.now().plusSeconds(60);
    }
}
