package dev.rotor.issuer.configuration;

import dev.rotor.filter.configuration.InvalidSettingException;
import dev.rotor.filter.configuration.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IssuerConfigTest {

    private static IssuerConfig configOf(Map<String, String> values) {
        return IssuerConfig.from(Settings.from(key -> Optional.ofNullable(values.get(key))));
    }

    @Test
    void defaultsMatchTheDocumentation() {
        IssuerConfig config = configOf(Map.of());
        assertEquals("http://localhost:8080", config.issuer().toString());
        assertTrue(config.embeddedRedis());
        assertEquals("rotor:", config.redisNames().prefix());
        assertEquals("rotor", config.audience());
        assertEquals(Duration.ofMinutes(15), config.accessTtl());
        assertEquals(Duration.ofSeconds(30), config.leeway());
        assertEquals("http://localhost:8080/.well-known/jwks.json", config.url("/.well-known/jwks.json"));
    }

    @Test
    void anExternalRedisCanBeChosen() {
        IssuerConfig config = configOf(Map.of("rotor.redis.url", "rediss://user:secret@redis.example:6380/2"));
        assertEquals("rediss://***@redis.example:6380/2", config.redis().toString(), "no password in the text");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "rotor.redis.url|localhost:6379",
            "rotor.redis.url|http://localhost:6379",
            "rotor.redis.url|redis://",
            "rotor.redis.url|redis://host:port",
            "rotor.redis.url|redis://localhost:6379/not-a-db",
            "rotor.issuer|not a url",
            "rotor.issuer|ftp://example.com",
            "rotor.issuer|https://example.com/",
            "rotor.tokens.access-ttl|PT0S",
            "rotor.tokens.access-ttl|PT12H1S",
            "rotor.redis.prefix|rotor *",
    })
    void badSettingStopsTheStartAndNamesTheSetting(String key, String value) {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> configOf(Map.of(key, value)));
        assertEquals(key, e.key());
        assertTrue(e.getMessage().contains(key), e.getMessage());
    }
}
