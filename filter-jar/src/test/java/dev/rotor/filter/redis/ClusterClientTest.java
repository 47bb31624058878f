package dev.rotor.filter.redis;

import dev.rotor.filter.configuration.FailPolicy;
import dev.rotor.filter.protocol.RedisNames;
import dev.rotor.filter.protocol.RevocationEvent;
import dev.rotor.filter.revocation.RevocationMirror;
import dev.rotor.testsupport.Await;
import dev.rotor.testsupport.BlacklistWriter;
import dev.rotor.testsupport.OutageLog;
import dev.rotor.testsupport.RedisClusterFixture;
import dev.rotor.testsupport.RedisProcess;
import dev.rotor.testsupport.TrustWatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.util.JedisClusterCRC16;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The clients on a real Redis Cluster of three masters without replicas: scripts that keep to one hash tag, a cluster
 * that is entirely down when the client is made, and a master that dies and comes back, during which every slot is
 * refused ({@code cluster-require-full-coverage yes}). Every failure meanwhile must be an outage. Measured times are
 * printed as {@code MEASURED …}.
 */
class ClusterClientTest {

    @RegisterExtension
    static final RedisClusterFixture cluster = RedisClusterFixture.start(3, 0);

    private static final Duration RECOVERY = Duration.ofSeconds(20);
    private static final Duration STALENESS = Duration.ofSeconds(1);

    private final RedisNames names = new RedisNames("o" + UUID.randomUUID() + ":");

    @AfterEach
    void healTheCluster() {
        cluster.nodes().forEach(RedisProcess::start);
        cluster.awaitHealthy(RECOVERY);
    }

    @Test
    void scriptsWhoseKeysShareAHashTagRunOnOneSlotAndCrossSlotScriptsAreBugs() {
        try (UnifiedJedis client = cluster.endpoint().client()) {
            Object stored = client.eval("redis.call('ZADD', KEYS[1], 1, 'kid') redis.call('HSET', KEYS[2], 'kid', "
                    + "'{}') return redis.call('ZCARD', KEYS[1])", List.of(names.keyExpiries(), names.keyRecords()),
                    List.of());
            JedisException crossSlot = assertThrows(JedisException.class, () -> client.eval(
                    "return redis.call('GET', KEYS[1])", List.of("a", "b"), List.of()));

            assertEquals(1L, stored);
            assertEquals(JedisClusterCRC16.getSlot(names.keyExpiries()), JedisClusterCRC16.getSlot(names.keyRecords()));
            assertFalse(RedisFailures.isOutage(crossSlot), crossSlot::toString);
        }
    }

    @Test
    void aPublishInsideTheIssuersScriptReachesSubscribersOnEveryNode() {
        List<String> sessions = cluster.valuesOnEveryMaster("everywhere-",
                rid -> names.blacklistKey(RevocationEvent.Type.RID, rid));
        List<NodeSubscriber> subscribers = cluster.nodes().stream()
                .map(node -> NodeSubscriber.start(node, names.revocationChannel())).toList();
        try (UnifiedJedis issuer = cluster.endpoint().client()) {
            BlacklistWriter writer = new BlacklistWriter(cluster.endpoint(), names, Clock.systemUTC());
            sessions.forEach(rid -> writer.revokeWithScript(issuer,
                    RevocationEvent.rid(rid, Instant.now().plusSeconds(60))));

            for (NodeSubscriber subscriber : subscribers) {
                Await.that(() -> subscriber.received().size() == sessions.size(), RECOVERY,
                        () -> subscriber.received().toString());
            }
        } finally {
            subscribers.forEach(NodeSubscriber::stop);
        }
    }

    @Test
    void connectionsMadeWhileTheWholeClusterIsDownWorkOnceItIsBack() {
        cluster.nodes().forEach(RedisProcess::kill);
        try (RedisConnections connections = cluster.endpoint().connect();
             RevocationMirror mirror = new RevocationMirror(cluster.endpoint(), names, FailPolicy.CLOSED, STALENESS,
                     Clock.systemUTC(), Thread::new)) {
            mirror.start();
            JedisException down = assertThrows(JedisException.class, connections::client);
            JedisException noNode = assertThrows(JedisException.class,
                    () -> connections.dedicatedConnection(Duration.ofSeconds(1)));
            boolean trustedWhileDown = mirror.isTrusted();

            cluster.nodes().forEach(RedisProcess::start);
            cluster.awaitHealthy(RECOVERY);

            assertTrue(RedisFailures.isOutage(down), down::toString);
            assertTrue(RedisFailures.isOutage(noNode), noNode::toString);
            assertFalse(trustedWhileDown);
            assertEquals("PONG", connections.client().ping());
            assertEquals(3, connections.masters().size());
            Await.that(mirror::isTrusted, RECOVERY, () -> "mirror never trusted");
        }
    }

    @Test
    void aMasterWithoutReplicaTakesTheClusterDownUntilItReturnsAndEveryFailureIsAnOutage() {
        BlacklistWriter writer = new BlacklistWriter(cluster.endpoint(), names, Clock.systemUTC());
        try (UnifiedJedis issuer = cluster.endpoint().client();
             RevocationMirror mirror = new RevocationMirror(cluster.endpoint(), names, FailPolicy.CLOSED, STALENESS,
                     Clock.systemUTC(), Thread::new)) {
            mirror.start();
            Await.that(mirror::isTrusted, RECOVERY, () -> "mirror never trusted");
            List<String> sessions = cluster.valuesOnEveryMaster("down-",
                    rid -> names.blacklistKey(RevocationEvent.Type.RID, rid));
            RedisProcess victim = cluster.ownerOf(names.blacklistKey(RevocationEvent.Type.RID, sessions.get(0)));
            String elsewhere = sessions.stream()
                    .filter(rid -> !cluster.ownerOf(names.blacklistKey(RevocationEvent.Type.RID, rid)).equals(victim))
                    .findFirst().orElseThrow();
            TrustWatch watch = TrustWatch.start(mirror::isTrusted);

            victim.kill();
            CompletableFuture<Void> back = CompletableFuture.runAsync(() -> {
                Await.that(() -> saysClusterFail(cluster.nodes()), RECOVERY, () -> "cluster never went down");
                victim.start();
            });
            OutageLog writes = OutageLog.repeat(() -> writer.revokeWithScript(issuer,
                    RevocationEvent.rid(elsewhere, Instant.now().plusSeconds(60))), back::isDone, RECOVERY);

            assertTrue(writes.succeeded(), writes::summary);
            assertTrue(!writes.failures().isEmpty(), "no write failed while the cluster was down");
            Await.that(mirror::isTrusted, RECOVERY, () -> "mirror not trusted again");
            System.out.printf("MEASURED cluster without replicas, a master down and back: writes to other masters' "
                            + "slots failed for %d ms; mirror untrusted for %d ms (staleness %s); writes %s%n",
                    writes.outage().toMillis(), watch.stop().toMillis(), STALENESS, writes.summary());
            for (JedisException failure : writes.failures()) {
                assertTrue(RedisFailures.isOutage(failure), () -> "not classified as an outage: " + failure);
            }
        }
    }

    /** A plain subscriber on one node, with no Rotor code in between. */
    private record NodeSubscriber(JedisPubSub listener, List<String> received, Thread thread) {

        static NodeSubscriber start(RedisProcess node, String channel) {
            List<String> received = new CopyOnWriteArrayList<>();
            CountDownLatch subscribed = new CountDownLatch(1);
            JedisPubSub listener = new JedisPubSub() {
                @Override
                public void onSubscribe(String name, int count) {
                    subscribed.countDown();
                }

                @Override
                public void onMessage(String name, String message) {
                    received.add(message);
                }
            };
            Thread thread = new Thread(() -> {
                try (Jedis jedis = node.connect()) {
                    jedis.subscribe(listener, channel);
                }
            });
            thread.setDaemon(true);
            thread.start();
            Await.that(() -> subscribed.getCount() == 0, RECOVERY, () -> "no subscription on " + node.port());
            return new NodeSubscriber(listener, received, thread);
        }

        void stop() {
            listener.unsubscribe();
        }
    }

    private static boolean saysClusterFail(List<RedisProcess> nodes) {
        return nodes.stream().filter(RedisProcess::isAlive).anyMatch(node -> {
            try (Jedis jedis = node.connect()) {
                return jedis.clusterInfo().contains("cluster_state:fail");
            } catch (JedisException e) {
                return false;
            }
        });
    }
}
