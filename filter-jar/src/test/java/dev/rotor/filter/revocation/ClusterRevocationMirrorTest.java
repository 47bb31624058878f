package dev.rotor.filter.revocation;

import dev.rotor.filter.configuration.FailPolicy;
import dev.rotor.filter.protocol.RedisNames;
import dev.rotor.filter.protocol.RevocationEvent;
import dev.rotor.filter.redis.RedisFailures;
import dev.rotor.testsupport.Await;
import dev.rotor.testsupport.BlacklistWriter;
import dev.rotor.testsupport.OutageLog;
import dev.rotor.testsupport.RedisClusterFixture;
import dev.rotor.testsupport.RedisProcess;
import dev.rotor.testsupport.TrustWatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.args.ClientType;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.ClientKillParams;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The mirror on a real Redis Cluster of three masters, each with a replica: revocations on every slot owner, a
 * snapshot of every master, and recovery from killed pub/sub connections, a killed subscriber node and a master
 * failover. Measured times are printed as {@code MEASURED …}.
 */
class ClusterRevocationMirrorTest {

    @RegisterExtension
    static final RedisClusterFixture cluster = RedisClusterFixture.start(3, 1);

    private static final Duration PROPAGATION = Duration.ofSeconds(2);
    private static final Duration RECOVERY = Duration.ofSeconds(15);
    private static final Duration STALENESS = Duration.ofSeconds(1);

    private static UnifiedJedis issuer;

    private final RedisNames names = new RedisNames("c" + UUID.randomUUID() + ":");
    private final BlacklistWriter writer = new BlacklistWriter(cluster.endpoint(), names, Clock.systemUTC());
    private final List<RevocationMirror> mirrors = new ArrayList<>();
    private final ThreadFactory threads = runnable -> {
        Thread thread = new Thread(runnable, "cluster-mirror-test");
        thread.setDaemon(true);
        return thread;
    };

    @BeforeAll
    static void connectTheIssuer() {
        issuer = cluster.endpoint().client();
    }

    @AfterAll
    static void closeTheIssuer() {
        issuer.close();
    }

    @AfterEach
    void closeMirrorsAndHealTheCluster() {
        mirrors.forEach(RevocationMirror::close);
        cluster.nodes().forEach(RedisProcess::start);
        cluster.awaitHealthy(RECOVERY);
    }

    @Test
    void everyRevocationReachesTheMirrorWhicheverMasterOwnsItsKey() {
        RevocationMirror mirror = startTrusted();
        List<String> sessions = sessionsOnEveryMaster("published-");
        assertEquals(3, sessions.size());

        sessions.forEach(rid -> writer.revokeWithScript(issuer, RevocationEvent.rid(rid, inAMinute())));

        Await.that(() -> sessions.stream().allMatch(rid -> isRevoked(mirror, rid)), PROPAGATION, sessions::toString);
        assertTrue(!isRevoked(mirror, "never-revoked"));
    }

    @Test
    void theSnapshotCoversEveryMaster() {
        List<String> sessions = sessionsOnEveryMaster("stored-");
        sessions.forEach(rid -> writer.store(issuer, RevocationEvent.rid(rid, inAMinute())));

        RevocationMirror mirror = startTrusted();

        sessions.forEach(rid -> assertTrue(isRevoked(mirror, rid), rid));
    }

    @Test
    void mastersThatLostTheirDataGetTheMirrorsRevocationsBackAndEachKeepsAnEpochMarker() {
        RevocationMirror mirror = startTrusted();
        List<String> sessions = sessionsOnEveryMaster("wiped-");
        sessions.forEach(rid -> writer.revokeWithScript(issuer, RevocationEvent.rid(rid, inAMinute())));
        Await.that(() -> sessions.stream().allMatch(rid -> isRevoked(mirror, rid)), PROPAGATION, sessions::toString);

        for (RedisProcess master : cluster.masters()) {
            try (Jedis admin = master.connect()) {
                assertEquals(1, admin.keys(names.epochMarker() + "*").size(), "no marker of its own");
                admin.flushAll();
            }
        }

        Await.that(() -> sessions.stream().allMatch(
                        rid -> issuer.exists(names.blacklistKey(RevocationEvent.Type.RID, rid))), RECOVERY,
                () -> "not written back to every master");
        RevocationMirror restarted = startTrusted();
        sessions.forEach(rid -> assertTrue(isRevoked(restarted, rid), rid));
    }

    @Test
    void aMirrorWhosePubSubConnectionIsKilledLoadsWhatItMissedFromTheSnapshot() {
        RevocationMirror mirror = startTrusted();

        long killed = 0;
        for (RedisProcess node : cluster.nodes()) {
            try (Jedis admin = node.connect()) {
                killed += admin.clientKill(ClientKillParams.clientKillParams().type(ClientType.PUBSUB));
            }
        }
        List<String> sessions = sessionsOnEveryMaster("missed-");
        sessions.forEach(rid -> writer.store(issuer, RevocationEvent.rid(rid, inAMinute())));

        assertTrue(killed >= 1);
        Await.that(() -> sessions.stream().allMatch(rid -> isRevoked(mirror, rid)), RECOVERY, sessions::toString);
    }

    @Test
    void aMirrorMovesToAnotherNodeWhenTheMasterItSubscribedAtIsKilled() {
        RevocationMirror mirror = startTrusted();
        for (int attempt = 0; attempt < 20 && !cluster.masters().contains(subscriberNode().orElseThrow()); attempt++) {
            mirror.close();
            mirror = startTrusted();
        }
        RedisProcess home = subscriberNode().orElseThrow();
        assertTrue(cluster.masters().contains(home), "the mirror never subscribed at a master");
        RevocationMirror moved = mirror;

        TrustWatch watch = TrustWatch.start(moved::isTrusted);
        home.kill();
        OutageLog writes = OutageLog.retry(() -> sessionsOnEveryMaster("after-kill-").forEach(
                rid -> writer.revokeWithScript(issuer, RevocationEvent.rid(rid, inAMinute()))), RECOVERY);
        List<String> sessions = sessionsOnEveryMaster("after-kill-");

        Await.that(() -> sessions.stream().allMatch(rid -> isRevoked(moved, rid)), RECOVERY, sessions::toString);
        Await.that(moved::isTrusted, RECOVERY, () -> "mirror not trusted again");
        Duration untrusted = watch.stop();
        assertNotEquals(home, subscriberNode().orElseThrow());
        System.out.printf("MEASURED cluster, the master the mirror subscribed at killed: mirror untrusted for %d ms "
                + "(staleness %s); writes %s%n", untrusted.toMillis(), STALENESS, writes.summary());
        assertOutages(writes);
    }

    @Test
    void aMasterFailoverKeepsRevocationsFlowingAndLosesNoneThatTheMirrorSaw() {
        RevocationMirror mirror = startTrusted();
        RedisProcess home = subscriberNode().orElseThrow();
        RedisProcess victim = cluster.masters().stream().filter(master -> !master.equals(home)).findFirst()
                .orElseThrow();
        String before = sessionOn(victim, "before-failover-");
        String after = sessionOn(victim, "after-failover-");
        writer.revokeWithScript(issuer, RevocationEvent.rid(before, inAMinute()));
        Await.that(() -> isRevoked(mirror, before), PROPAGATION, () -> before);

        String atTheKill = sessionOn(victim, "at-the-kill-");
        TrustWatch watch = TrustWatch.start(mirror::isTrusted);
        writer.revokeWithScript(issuer, RevocationEvent.rid(atTheKill, inAMinute()));
        long killedAt = System.nanoTime();
        victim.kill();
        CompletableFuture<Duration> failover = CompletableFuture.supplyAsync(() -> {
            Await.that(() -> !cluster.ownerOf(names.blacklistKey(RevocationEvent.Type.RID, after)).equals(victim),
                    RECOVERY, () -> "no failover");
            return Duration.ofNanos(System.nanoTime() - killedAt);
        });
        OutageLog writes = OutageLog.retry(
                () -> writer.revokeWithScript(issuer, RevocationEvent.rid(after, inAMinute())), RECOVERY);

        assertTrue(writes.succeeded(), writes::summary);
        Await.that(() -> isRevoked(mirror, after), PROPAGATION, () -> after);
        Duration untrusted = watch.stop();
        assertTrue(isRevoked(mirror, before));
        System.out.printf("MEASURED cluster, master failover after %d ms (node timeout %d ms): writes to its slots "
                        + "failed for %d ms; mirror untrusted for %d ms; key seen by the mirror before the kill still in "
                        + "Redis: %s; key written right before the kill in Redis: %s, in the mirror: %s; %s%n",
                failover.join().toMillis(), RedisClusterFixture.NODE_TIMEOUT_MILLIS, writes.outage().toMillis(),
                untrusted.toMillis(), issuer.exists(names.blacklistKey(RevocationEvent.Type.RID, before)),
                issuer.exists(names.blacklistKey(RevocationEvent.Type.RID, atTheKill)), isRevoked(mirror, atTheKill),
                writes.summary());
        assertOutages(writes);
    }

    private void assertOutages(OutageLog writes) {
        for (JedisException failure : writes.failures()) {
            assertTrue(RedisFailures.isOutage(failure), () -> "not classified as an outage: " + failure);
        }
    }

    private RevocationMirror startTrusted() {
        RevocationMirror mirror = new RevocationMirror(cluster.endpoint(), names, FailPolicy.CLOSED, STALENESS,
                Clock.systemUTC(), threads);
        mirrors.add(mirror);
        mirror.start();
        Await.that(mirror::isTrusted, RECOVERY, () -> "mirror never trusted");
        return mirror;
    }

    /** Where the mirror's own probe channel has its subscriber. */
    private Optional<RedisProcess> subscriberNode() {
        return cluster.nodes().stream().filter(RedisProcess::isAlive).filter(node -> {
            try (Jedis jedis = node.connect()) {
                return !jedis.pubsubChannels(names.prefix() + "probe:*").isEmpty();
            }
        }).findFirst();
    }

    private List<String> sessionsOnEveryMaster(String stem) {
        return cluster.valuesOnEveryMaster(stem, rid -> names.blacklistKey(RevocationEvent.Type.RID, rid));
    }

    private String sessionOn(RedisProcess master, String stem) {
        return sessionsOnEveryMaster(stem).stream()
                .filter(rid -> cluster.ownerOf(names.blacklistKey(RevocationEvent.Type.RID, rid)).equals(master))
                .findFirst().orElseThrow();
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
