package dev.rotor.issuer.sessions.control;

import dev.rotor.issuer.availability.RedisUnavailableException;
import dev.rotor.issuer.sessions.entity.IssuedSession;
import dev.rotor.issuer.sessions.entity.RotationResult.Rotated;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

import java.util.Set;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** With Redis down every operation fails visibly: no unrecorded token is issued, no false logout reported. */
class RedisOutageTest {

    @RegisterExtension
    static final SessionTestBed bed = new SessionTestBed();

    @Test
    void everyOperationThrowsWhileRedisIsDown() {
        IssuedSession issued = bed.sessions().create("alice", "", Set.of("user"));
        bed.redis().stop();

        List<Executable> operations = List.of(
                () -> bed.sessions().create("alice", "", Set.of("user")),
                () -> bed.sessions().rotate(issued.refreshToken()),
                () -> bed.deleteByRefreshToken(issued.refreshToken()),
                () -> bed.sessions().delete(issued.rid()),
                () -> bed.sessions().deleteAllOf("alice"),
                () -> bed.sessions().find(issued.rid()),
                () -> bed.sessions().list("alice", 0, 10));
        for (Executable operation : operations) {
            assertThrows(RedisUnavailableException.class, operation);
        }
    }

    @Test
    void sessionsWorkAgainAfterRedisReturns() {
        bed.redis().stop();
        assertThrows(RedisUnavailableException.class, () -> bed.sessions().create("alice", "", Set.of("user")));

        bed.redis().restart();

        IssuedSession issued = bed.sessions().create("alice", "", Set.of("user"));
        assertInstanceOf(Rotated.class, bed.sessions().rotate(issued.refreshToken()));
        assertEquals(1, bed.sessions().list("alice", 0, 10).total());
    }
}
