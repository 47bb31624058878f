package dev.rotor.filter.revocation;

import dev.rotor.filter.configuration.FailPolicy;
import dev.rotor.filter.configuration.RedisEndpoint;
import dev.rotor.filter.protocol.RedisNames;
import dev.rotor.filter.protocol.RevocationEvent;
import dev.rotor.testsupport.BlacklistWriter;
import dev.rotor.testsupport.Poll;
import dev.rotor.testsupport.RedisFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisMonitor;
import redis.clients.jedis.exceptions.JedisConnectionException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rule the whole mirror rests on: subscribe first, then load the snapshot. A revocation written and published
 * while the snapshot is being read is then either in the snapshot or delivered on the subscription. Loading the
 * snapshot before subscribing can lose it: too late for the scan, too early for the subscription. Redis's MONITOR
 * shows the order in which the mirror's commands really reached it.
 */
class SnapshotOrderTest {

    @RegisterExtension
    static final RedisFixture redis = RedisFixture.start();

    private final RedisNames names = new RedisNames("order:");

    @Test
    void theMirrorSubscribesBeforeItReadsTheSnapshotSoARevocationMadeMeanwhileIsNotLost()
            throws InterruptedException {
        RedisEndpoint endpoint = RedisEndpoint.loopback(redis.port());
        BlacklistWriter writer = new BlacklistWriter(endpoint, names, Clock.systemUTC());
        CountDownLatch written = new CountDownLatch(1);
        AtomicBoolean firstScan = new AtomicBoolean(true);
        List<String> commands = new CopyOnWriteArrayList<>();
        Jedis monitoring = endpoint.connection(Duration.ofSeconds(30));
        Thread monitor = new Thread(() -> {
            try {
                monitoring.monitor(new JedisMonitor() {
                    @Override
                    public void onCommand(String command) {
                        commands.add(command);
                        // the moment the mirror's snapshot scan has run: revoke, as a logout elsewhere would
                        if (command.contains("\"SCAN\"") && firstScan.compareAndSet(true, false)) {
                            writer.revoke(RevocationEvent.rid("during-snapshot", Instant.now().plusSeconds(60)));
                            written.countDown();
                        }
                    }
                });
            } catch (JedisConnectionException e) {
                // the monitoring connection is closed at the end of the test
            }
        });
        monitor.setDaemon(true);
        monitor.start();
        assertTrue(Poll.until(Duration.ofSeconds(5), () -> clientListHasMonitor(endpoint)));

        try (RevocationMirror mirror = new RevocationMirror(endpoint, names, FailPolicy.CLOSED, Duration.ofSeconds(5),
                Clock.systemUTC(), Thread::new)) {
            mirror.start();
            assertTrue(written.await(10, TimeUnit.SECONDS), "the snapshot scan was seen");
            assertTrue(Poll.until(Duration.ofSeconds(2),
                            () -> mirror.isTrusted() && mirror.isRevoked("during-snapshot", "t", "alice", Instant.now())),
                    "the revocation made during the snapshot reached the mirror");
            int subscribed = indexOf(commands, "\"SUBSCRIBE\" \"" + names.revocationChannel() + "\"");
            int scanned = indexOf(commands, "\"SCAN\"");
            assertTrue(subscribed >= 0 && subscribed < scanned,
                    "SUBSCRIBE (at " + subscribed + ") must reach Redis before the snapshot's SCAN (at " + scanned + ")");
        } finally {
            monitoring.disconnect();
        }
    }

    private static int indexOf(List<String> commands, String fragment) {
        for (int i = 0; i < commands.size(); i++) {
            if (commands.get(i).contains(fragment)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean clientListHasMonitor(RedisEndpoint endpoint) {
        try (Jedis admin = endpoint.connection(Duration.ofSeconds(2))) {
            return admin.clientList().contains("cmd=monitor");
        }
    }
}
