package dev.rotor.filter.verification;

import dev.rotor.testsupport.TokenFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static dev.rotor.testsupport.TokenFixture.b64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11: a hostile token writes at most one log line, at FINE, with a ROTOR-V1xx id and no stack trace, with the
 * verifier logging at its most verbose operational level (FINE).
 */
class RejectionLoggingTest {

    private final TokenFixture fixture = new TokenFixture("max-token-size", "65536");
    private final Logger verifierLogs = Logger.getLogger("dev.rotor.filter");
    private final List<LogRecord> records = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (records) {
                records.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level previous;

    @BeforeEach
    void capture() {
        assertEquals("alice", fixture.verifier.verify(fixture.rs256()).subject());
        previous = verifierLogs.getLevel();
        verifierLogs.setLevel(Level.FINE);
        capture.setLevel(Level.FINE);
        verifierLogs.addHandler(capture);
    }

    @AfterEach
    void release() {
        verifierLogs.removeHandler(capture);
        verifierLogs.setLevel(previous);
        fixture.close();
    }

    @Test
    void everyHostileTokenLogsAtMostOneFineLineWithAnId() {
        for (Map.Entry<String, String> hostile : hostileTokens().entrySet()) {
            synchronized (records) {
                records.clear();
            }

            assertThrows(TokenRejectedException.class, () -> fixture.verifier.verify(hostile.getValue()),
                    hostile.getKey());

            synchronized (records) {
                assertTrue(records.size() <= 1, hostile.getKey() + ": " + records.size() + " lines");
                for (LogRecord record : records) {
                    assertTrue(record.getLevel().intValue() <= Level.FINE.intValue(), hostile.getKey());
                    assertTrue(record.getMessage().startsWith("ROTOR-V1"), record.getMessage());
                    assertNull(record.getThrown(), hostile.getKey());
                }
            }
        }
    }

    private Map<String, String> hostileTokens() {
        String good = fixture.rs256();
        String[] parts = good.split("\\.");
        String claims = fixture.claims().build().toString();
        String es = fixture.es256();
        byte[] signature = Base64.getUrlDecoder().decode(es.substring(es.lastIndexOf('.') + 1));
        BigInteger order = ((ECPublicKey) TokenFixture.EC.getPublic()).getParams().getOrder();
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));

        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("empty", "");
        tokens.put("huge", "a".repeat(100_000));
        tokens.put("two segments", parts[0] + "." + parts[1]);
        tokens.put("padded", parts[0] + "=." + parts[1] + "." + parts[2]);
        tokens.put("flipped signature", parts[0] + "." + parts[1] + "." + parts[2].replace(parts[2].charAt(5),
                parts[2].charAt(5) == 'A' ? 'B' : 'A'));
        tokens.put("high s", es.substring(0, es.lastIndexOf('.') + 1) + b64(TokenFixture.withS(signature,
                order.subtract(s))));
        tokens.put("alg none", b64("{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"rsa-1\"}") + "." + parts[1] + ".c2ln");
        tokens.put("huge number", TokenFixture.signedWithRsa(
                "{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"rsa-1\",\"x\":" + "1".repeat(1200) + "}", claims));
        tokens.put("deep", TokenFixture.signedWithRsa("{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"rsa-1\",\"x\":"
                + "[".repeat(10_000) + "]".repeat(10_000) + "}", claims));
        tokens.put("unknown kid", b64("{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"x\\r\\nforged\"}")
                + "." + parts[1] + "." + parts[2]);
        tokens.put("random kid", b64("{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"random-kid\"}")
                + "." + parts[1] + "." + parts[2]);
        tokens.put("expired", fixture.rs256(fixture.claims().add("exp", fixture.now().getEpochSecond() - 600)
                .build().toString()));
        tokens.put("wrong issuer", fixture.rs256(fixture.claims().add("iss", "https://evil.example").build().toString()));
        return tokens;
    }
}
