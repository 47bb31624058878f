package dev.rotor.issuer.keys.control;

import dev.rotor.filter.protocol.JwsAlgorithm;
import dev.rotor.issuer.keys.entity.KeyStatus;
import dev.rotor.issuer.keys.entity.PublishedKey;
import dev.rotor.issuer.keys.entity.SigningKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PublishedKeyJsonTest {

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final PublishedKey key = new PublishedKey(SigningKey.generate(JwsAlgorithm.ES256, now).publicKey(),
            KeyStatus.ACTIVE, "instance-1", null, now.plus(Duration.ofMinutes(20)), Duration.ofMinutes(16));

    @Test
    void aRecordKeepsItsTokenLifetime() {
        PublishedKey read = PublishedKeyJson.read(PublishedKeyJson.write(key));

        assertEquals(key.kid(), read.kid());
        assertEquals(Duration.ofMinutes(16), read.tokenLifetime());
        assertEquals(key.expiresAt(), read.expiresAt());
    }

    @Test
    void aRecordWithoutATokenLifetimeIsReadWithNone() {
        String older = PublishedKeyJson.write(key).replaceFirst(",\"tokenLifetimeMillis\":\\d+", "");

        assertNull(PublishedKeyJson.read(older).tokenLifetime());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "1.5", "\"960000\"", "86400001", "1e3", "null", "99999999999999999999"})
    void aTokenLifetimeThatIsNotPlausibleIsNotBelieved(String hostile) {
        String record = PublishedKeyJson.write(key).replaceFirst("\"tokenLifetimeMillis\":\\d+",
                "\"tokenLifetimeMillis\":" + hostile);

        assertNull(PublishedKeyJson.read(record).tokenLifetime(), hostile);
    }

    @Test
    void aRecordThatBreaksTheJsonRulesIsRefused() {
        String written = PublishedKeyJson.write(key);

        assertThrows(IllegalArgumentException.class,
                () -> PublishedKeyJson.read(written.replaceFirst("\\{", "{\"status\":\"ACTIVE\",")));
        assertThrows(IllegalArgumentException.class,
                () -> PublishedKeyJson.read(written.replaceFirst("\"tokenLifetimeMillis\":\\d+",
                        "\"tokenLifetimeMillis\":" + "9".repeat(1200))));
    }
}
