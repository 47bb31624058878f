package dev.rotor.issuer.sessions.control;

import dev.rotor.issuer.availability.RedisUnavailableException;
import dev.rotor.issuer.sessions.entity.IssuedSession;
import dev.rotor.issuer.sessions.entity.RotationResult.Rotated;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Set;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reuse, revocation and outages are logged with ids, never with a token or its hash. */
class LogSecrecyTest {

    @RegisterExtension
    static final SessionTestBed bed = new SessionTestBed();

    private final Logger logger = Logger.getLogger("dev.rotor.issuer.sessions");
    private final List<String> lines = new ArrayList<>();
    private final Handler capture = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            lines.add(formatter.format(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void capture() {
        capture.setLevel(Level.ALL);
        logger.addHandler(capture);
    }

    @AfterEach
    void release() {
        logger.removeHandler(capture);
    }

    @Test
    void noTokenOrHashIsLogged() {
        IssuedSession issued = bed.sessions().create("alice", "", Set.of("user"));
        String rotated = assertInstanceOf(Rotated.class, bed.sessions().rotate(issued.refreshToken())).newRefreshToken();
        bed.sessions().rotate(issued.refreshToken());
        bed.sessions().deleteAllOf("alice");
        bed.redis().stop();
        assertThrows(RedisUnavailableException.class, () -> bed.sessions().rotate(rotated));

        String log = String.join("\n", lines);
        assertTrue(log.contains("ROTOR-T101") && log.contains("ROTOR-T102"), log);
        for (String token : List.of(issued.refreshToken(), rotated)) {
            assertFalse(log.contains(token));
            assertFalse(log.contains(OpaqueTokens.hash(token)));
        }
    }
}
