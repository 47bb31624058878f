package dev.rotor.issuer.tokens.control;

import dev.rotor.issuer.tokens.entity.IssuedSession;
import dev.rotor.issuer.tokens.entity.RotationResult.Rotated;
import dev.rotor.testsupport.MutableClock;
import dev.rotor.testsupport.RedisFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import redis.clients.jedis.UnifiedJedis;

import java.util.Set;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** With Redis down every operation fails visibly: no unrecorded token is issued, no false logout reported. */
class RedisOutageTest {

    @RegisterExtension
    static final RedisFixture redis = RedisFixture.start();

    private final MutableClock clock = SessionTestBed.clock();
    private UnifiedJedis client;
    private RefreshSessions sessions;

    @BeforeEach
    void connect() {
        client = SessionTestBed.emptyRedis(redis);
        sessions = new RefreshSessions(client, SessionTestBed.PREFIX, SessionTestBed.LIFETIMES, clock);
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    @Test
    void everyOperationThrowsWhileRedisIsDown() {
        IssuedSession issued = sessions.create("alice", "", Set.of("user"));
        redis.stop();

        List<Executable> operations = List.of(
                () -> sessions.create("alice", "", Set.of("user")),
                () -> sessions.rotate(issued.refreshToken()),
                () -> sessions.revokeByRefreshToken(issued.refreshToken()),
                () -> sessions.revoke(issued.rid()),
                () -> sessions.revokeAllOf("alice"),
                () -> sessions.find(issued.rid()),
                () -> sessions.list("alice", 0, 10));
        for (Executable operation : operations) {
            assertThrows(SessionStoreUnavailableException.class, operation);
        }
    }

    @Test
    void sessionsWorkAgainAfterRedisReturns() {
        redis.stop();
        assertThrows(SessionStoreUnavailableException.class, () -> sessions.create("alice", "", Set.of("user")));

        redis.restart();

        IssuedSession issued = sessions.create("alice", "", Set.of("user"));
        assertInstanceOf(Rotated.class, sessions.rotate(issued.refreshToken()));
        assertEquals(1, sessions.list("alice", 0, 10).total());
    }
}
