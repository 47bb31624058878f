package dev.rotor.filter.revocation;

import dev.rotor.filter.protocol.RevocationEvent;
import dev.rotor.filter.configuration.FailPolicy;
import dev.rotor.filter.configuration.RedisEndpoint;
import dev.rotor.filter.protocol.KeyAnnouncement;
import dev.rotor.filter.protocol.RedisNames;
import dev.rotor.testsupport.BlacklistWriter;
import dev.rotor.testsupport.MutableClock;
import dev.rotor.testsupport.RedisFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.args.ClientType;
import redis.clients.jedis.params.ClientKillParams;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class RevocationMirrorTest {

    @RegisterExtension
    static final RedisFixture redis = RedisFixture.start();

    private static final Duration PROPAGATION = Duration.ofSeconds(1);
    private static final Duration RECOVERY = Duration.ofSeconds(6);
    private static final Duration QUICK_STALENESS = Duration.ofMillis(300);

    private final RedisNames names = new RedisNames("t" + UUID.randomUUID() + ":");
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final ThreadFactory threadFactory = runnable -> {
        Thread thread = new Thread(runnable, "mirror-test-" + threads.size());
        thread.setDaemon(true);
        threads.add(thread);
        return thread;
    };
    private final List<RevocationMirror> mirrors = new ArrayList<>();

    @AfterEach
    void closeMirrorsAndRestoreRedis() {
        mirrors.forEach(RevocationMirror::close);
        if (!redis.isRunning()) {
            redis.restart();
        }
    }

    @Test
    void aRevocationPublishedAfterStartIsSeenWithinOneSecond() {
        RevocationMirror mirror = startTrusted(FailPolicy.CLOSED, Duration.ofSeconds(5), Clock.systemUTC());

        revoke(RevocationEvent.rid("session-1", Instant.now().plusSeconds(60)));

        awaitTrue(() -> mirror.isRevoked("session-1", "t", "alice", Instant.now()), PROPAGATION);
        assertFalse(mirror.isRevoked("session-2", "t", "alice", Instant.now()));
    }

    @Test
    void entriesWrittenBeforeStartAreLoadedFromTheSnapshot() {
        Instant now = Instant.now();
        revoke(RevocationEvent.rid("old-session", now.plusSeconds(60)));
        revoke(RevocationEvent.jti("old-token", now.plusSeconds(60)));
        revoke(RevocationEvent.subject("bob", now, now.plusSeconds(60)));

        RevocationMirror mirror = startTrusted(FailPolicy.CLOSED, Duration.ofSeconds(5), Clock.systemUTC());

        assertTrue(mirror.isRevoked("old-session", "t", "alice", now));
        assertTrue(mirror.isRevoked("s", "old-token", "alice", now));
        assertTrue(mirror.isRevoked("s", "t", "bob", now.minusSeconds(10)));
        assertFalse(mirror.isRevoked("s", "t", "alice", now));
    }

    @Test
    void aRevocationWrittenWhileTheMirrorWasDisconnectedIsPresentAfterReconnect() {
        RevocationMirror mirror = startTrusted(FailPolicy.CLOSED, Duration.ofSeconds(5), Clock.systemUTC());

        redis.stop();
        redis.restart();
        revoke(RevocationEvent.rid("during-outage", Instant.now().plusSeconds(60)));

        awaitTrue(() -> mirror.isRevoked("during-outage", "t", "alice", Instant.now()), RECOVERY);
    }

    @Test
    void aRevocationPublishedWhileThePubSubConnectionWasKilledIsSeenAfterReconnect() {
        RevocationMirror mirror = startTrusted(FailPolicy.CLOSED, Duration.ofSeconds(5), Clock.systemUTC());

        try (Jedis admin = endpoint().connection(Duration.ofSeconds(2))) {
            assertTrue(admin.clientKill(ClientKillParams.clientKillParams().type(ClientType.PUBSUB)) >= 1);
        }
        revoke(RevocationEvent.jti("killed-meanwhile", Instant.now().plusSeconds(60)));

        awaitTrue(() -> mirror.isRevoked("s", "killed-meanwhile", "alice", Instant.now()), RECOVERY);
    }

    @Test
    void anEntryIsNoLongerRevokedOnceItsExpiryHasPassed() {
        MutableClock clock = new MutableClock(Instant.now());
        RevocationMirror mirror = startTrusted(FailPolicy.CLOSED, Duration.ofHours(1), clock);

        new BlacklistWriter(endpoint(), names, clock).revoke(RevocationEvent.rid("short-lived", clock.instant().plusSeconds(600)));
        awaitTrue(() -> mirror.isRevoked("short-lived", "t", "alice", clock.instant()), PROPAGATION);

        clock.advance(Duration.ofSeconds(601));
        assertFalse(mirror.isRevoked("short-lived", "t", "alice", clock.instant()));
    }

    @Test
    void aSubjectRevocationRejectsOnlyTokensIssuedBeforeItsNotBefore() {
        RevocationMirror mirror = startTrusted(FailPolicy.CLOSED, Duration.ofSeconds(5), Clock.systemUTC());
        Instant cutoff = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

        revoke(RevocationEvent.subject("carol", cutoff, cutoff.plusSeconds(60)));

        awaitTrue(() -> mirror.isRevoked("s", "t", "carol", cutoff.minusSeconds(1)), PROPAGATION);
        assertFalse(mirror.isRevoked("s", "t", "carol", cutoff));
        assertFalse(mirror.isRevoked("s", "t", "carol", cutoff.plusSeconds(1)));
    }

    @Test
    void malformedEventsAreIgnoredAndLaterEventsStillApply() {
        RevocationMirror mirror = startTrusted(FailPolicy.CLOSED, Duration.ofSeconds(5), Clock.systemUTC());

        try (UnifiedJedis client = endpoint().client()) {
            client.publish(names.revocationChannel(), "{\"type\":\"rid\",\"value\":\"x\r\nROTOR-FAKE\"}");
            client.publish(names.revocationChannel(), "not json at all");
        }
        revoke(RevocationEvent.rid("after-garbage", Instant.now().plusSeconds(60)));

        awaitTrue(() -> mirror.isRevoked("after-garbage", "t", "alice", Instant.now()), PROPAGATION);
        assertTrue(mirror.isTrusted());
    }

    @Test
    void keyAnnouncementsReachTheKeyListenerAndRevokeNothing() {
        List<String> announced = new CopyOnWriteArrayList<>();
        RevocationMirror mirror = new RevocationMirror(endpoint(), names, FailPolicy.CLOSED, Duration.ofSeconds(5),
                Clock.systemUTC(), threadFactory, announced::add);
        mirrors.add(mirror);
        mirror.start();
        awaitTrue(mirror::isTrusted, Duration.ofSeconds(5));

        try (UnifiedJedis client = endpoint().client()) {
            client.publish(names.revocationChannel(), new KeyAnnouncement("kid-1").toJson());
            client.publish(names.revocationChannel(), "{\"type\":\"key\",\"kid\":\"\"}");
        }

        awaitTrue(() -> announced.contains("kid-1"), PROPAGATION);
        assertEquals(List.of("kid-1"), announced, "a malformed announcement is ignored");
        assertFalse(mirror.isRevoked("kid-1", "kid-1", "kid-1", Instant.now()));
    }

    @Test
    void pingsKeepAQuietMirrorTrustedBeyondItsMaximumStaleness() throws InterruptedException {
        RevocationMirror mirror = startTrusted(FailPolicy.CLOSED, QUICK_STALENESS, Clock.systemUTC());

        Instant until = Instant.now().plus(QUICK_STALENESS.multipliedBy(4));
        while (Instant.now().isBefore(until)) {
            assertDoesNotThrow(() -> mirror.isRevoked("s", "t", "alice", Instant.now()));
            Thread.sleep(20);
        }
    }

    @Test
    void aStaleMirrorFailsClosedOrOpenAsConfiguredAndRecoversByItself() {
        revoke(RevocationEvent.rid("known", Instant.now().plusSeconds(60)));
        RevocationMirror closed = startTrusted(FailPolicy.CLOSED, QUICK_STALENESS, Clock.systemUTC());
        RevocationMirror open = startTrusted(FailPolicy.OPEN, QUICK_STALENESS, Clock.systemUTC());

        redis.stop();
        awaitTrue(() -> !closed.isTrusted() && !open.isTrusted(), Duration.ofSeconds(2));
        assertThrows(RevocationStateUnavailableException.class, () -> closed.isRevoked("s", "t", "alice", Instant.now()));
        assertTrue(open.isRevoked("known", "t", "alice", Instant.now()));
        assertFalse(open.isRevoked("other", "t", "alice", Instant.now()));

        redis.restart();
        awaitTrue(() -> closed.isTrusted() && open.isTrusted(), RECOVERY);
        assertTrue(closed.isRevoked("known", "t", "alice", Instant.now()));
        assertFalse(closed.isRevoked("other", "t", "alice", Instant.now()));
    }

    @Test
    void aMirrorThatHasNotSynchronisedYetFailsClosed() {
        RevocationMirror mirror = new RevocationMirror(endpoint(), names, FailPolicy.CLOSED, Duration.ofSeconds(5),
                Clock.systemUTC(), threadFactory);
        mirrors.add(mirror);

        assertThrows(RevocationStateUnavailableException.class, () -> mirror.isRevoked("s", "t", "alice", Instant.now()));
    }

    @Test
    void closeStopsEveryThreadItStarted() {
        RevocationMirror mirror = startTrusted(FailPolicy.CLOSED, QUICK_STALENESS, Clock.systemUTC());
        assertFalse(threads.isEmpty());

        mirror.close();

        // generous: close itself waits at most about a second, but this machine may be busy
        awaitTrue(() -> threads.stream().noneMatch(Thread::isAlive), Duration.ofSeconds(10));
    }

    @Test
    void closeEndsTheThreadsEvenWhileRedisIsDown() {
        RevocationMirror mirror = startTrusted(FailPolicy.CLOSED, QUICK_STALENESS, Clock.systemUTC());
        redis.stop();
        awaitTrue(() -> !mirror.isTrusted(), Duration.ofSeconds(2));

        mirror.close();

        awaitTrue(() -> threads.stream().noneMatch(Thread::isAlive), Duration.ofSeconds(10));
    }

    @Test
    void aRedisThatStopsAnsweringMakesTheMirrorStaleUntilItAnswersAgain() {
        RevocationMirror mirror = startTrusted(FailPolicy.CLOSED, QUICK_STALENESS, Clock.systemUTC());

        try (Jedis admin = endpoint().connection(Duration.ofSeconds(2))) {
            admin.clientPause(1500);
        }

        awaitTrue(() -> !mirror.isTrusted(), Duration.ofSeconds(1));
        assertThrows(RevocationStateUnavailableException.class, () -> mirror.isRevoked("s", "t", "alice", Instant.now()));
        awaitTrue(mirror::isTrusted, RECOVERY);
    }

    @Test
    void aMirrorThatCannotHearItsOwnProbeGoesStaleAlthoughRedisAnswers() {
        String user = "deaf-" + UUID.randomUUID();
        try (Jedis admin = endpoint().connection(Duration.ofSeconds(2))) {
            admin.aclSetUser(user, "on", ">pw", "allkeys", "allchannels", "+@all", "-publish");
        }
        RedisEndpoint withoutPublish = RedisEndpoint.parse("rotor.redis.url",
                "redis://" + user + ":pw@127.0.0.1:" + redis.port());
        RevocationMirror mirror = new RevocationMirror(withoutPublish, names, FailPolicy.CLOSED, QUICK_STALENESS,
                Clock.systemUTC(), threadFactory);
        mirrors.add(mirror);
        mirror.start();

        awaitTrue(mirror::isTrusted, Duration.ofSeconds(5));
        awaitTrue(() -> !mirror.isTrusted(), QUICK_STALENESS.multipliedBy(4));
    }

    private RevocationMirror startTrusted(FailPolicy policy, Duration maxStaleness, Clock clock) {
        RevocationMirror mirror = new RevocationMirror(endpoint(), names, policy, maxStaleness, clock, threadFactory);
        mirrors.add(mirror);
        mirror.start();
        awaitTrue(mirror::isTrusted, Duration.ofSeconds(5));
        return mirror;
    }

    private void revoke(RevocationEvent event) {
        new BlacklistWriter(endpoint(), names, Clock.systemUTC()).revoke(event);
    }

    private RedisEndpoint endpoint() {
        return RedisEndpoint.loopback(redis.port());
    }

    private static void awaitTrue(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
        assertTrue(condition.getAsBoolean(), "not true within " + timeout);
    }
}
