package dev.rotor.filter.redis;

import dev.rotor.filter.configuration.FailPolicy;
import dev.rotor.filter.protocol.RedisNames;
import dev.rotor.filter.protocol.RevocationEvent;
import dev.rotor.filter.revocation.RevocationMirror;
import dev.rotor.testsupport.BlacklistWriter;
import dev.rotor.testsupport.OutageLog;
import dev.rotor.testsupport.Poll;
import dev.rotor.testsupport.RedisClusterFixture;
import dev.rotor.testsupport.RedisProcess;
import dev.rotor.testsupport.TrustWatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Redis Cluster of three masters without replicas, one of which dies and comes back: every slot is refused while
 * the cluster is down ({@code cluster-require-full-coverage yes}), and the issuer's client and the mirror recover by
 * themselves. The exceptions seen meanwhile must all be outages. Measured times are printed as {@code MEASURED …}.
 */
class ClusterOutageTest {

    @RegisterExtension
    static final RedisClusterFixture cluster = RedisClusterFixture.start(3, 0);

    private static final Duration RECOVERY = Duration.ofSeconds(20);
    private static final Duration STALENESS = Duration.ofSeconds(1);

    private final RedisNames names = new RedisNames("o" + UUID.randomUUID() + ":");

    @Test
    void aMasterWithoutReplicaTakesTheClusterDownUntilItReturnsAndEveryFailureIsAnOutage() {
        BlacklistWriter writer = new BlacklistWriter(cluster.endpoint(), names, Clock.systemUTC());
        try (UnifiedJedis issuer = cluster.endpoint().client();
             RevocationMirror mirror = new RevocationMirror(cluster.endpoint(), names, FailPolicy.CLOSED, STALENESS,
                     Clock.systemUTC(), Thread::new)) {
            mirror.start();
            Poll.await(mirror::isTrusted, RECOVERY, () -> "mirror never trusted");
            List<String> sessions = cluster.valuesOnEveryMaster("down-",
                    rid -> names.blacklistKey(RevocationEvent.Type.RID, rid));
            RedisProcess victim = cluster.ownerOf(names.blacklistKey(RevocationEvent.Type.RID, sessions.get(0)));
            String elsewhere = sessions.stream()
                    .filter(rid -> !cluster.ownerOf(names.blacklistKey(RevocationEvent.Type.RID, rid)).equals(victim))
                    .findFirst().orElseThrow();
            TrustWatch watch = TrustWatch.start(mirror::isTrusted);

            victim.kill();
            CompletableFuture<Void> back = CompletableFuture.runAsync(() -> {
                Poll.await(() -> saysClusterFail(cluster.nodes()), RECOVERY, () -> "cluster never went down");
                victim.start();
            });
            OutageLog writes = OutageLog.repeat(() -> writer.revokeWithScript(issuer,
                    RevocationEvent.rid(elsewhere, Instant.now().plusSeconds(60))), back::isDone, RECOVERY);

            assertTrue(writes.succeeded(), writes::summary);
            assertTrue(!writes.failures().isEmpty(), "no write failed while the cluster was down");
            Poll.await(mirror::isTrusted, RECOVERY, () -> "mirror not trusted again");
            System.out.printf("MEASURED cluster without replicas, a master down and back: writes to other masters' "
                            + "slots failed for %d ms; mirror untrusted for %d ms (staleness %s); writes %s%n",
                    writes.outage().toMillis(), watch.stop().toMillis(), STALENESS, writes.summary());
            for (JedisException failure : writes.failures()) {
                assertTrue(RedisFailures.isOutage(failure), () -> "not classified as an outage: " + failure);
            }
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
