package dev.rotor.issuer.keys.control;

import dev.rotor.filter.configuration.InvalidSettingException;
import dev.rotor.filter.configuration.Settings;
import dev.rotor.filter.protocol.JwsAlgorithm;
import dev.rotor.issuer.configuration.IssuerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeySettingsTest {

    private static KeySettings settingsOf(Map<String, String> values) {
        Settings settings = Settings.from(key -> Optional.ofNullable(values.get(key)));
        return KeySettings.from(settings, IssuerConfig.from(settings));
    }

    @Test
    void defaultsMatchTheDocumentation() {
        KeySettings settings = settingsOf(Map.of());
        assertEquals(JwsAlgorithm.RS256, settings.algorithm());
        assertEquals(Duration.ofHours(1), settings.rotation());
        assertEquals(Duration.ofSeconds(30), settings.heartbeat());
    }

    @Test
    void es256CanBeChosenInAnyCase() {
        assertEquals(JwsAlgorithm.ES256, settingsOf(Map.of("rotor.keys.algorithm", "es256")).algorithm());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "rotor.keys.algorithm|HS256",
            "rotor.keys.algorithm|none",
            "rotor.keys.rotation|PT1M",
            "rotor.keys.rotation|soon",
            "rotor.keys.heartbeat|-PT5S",
    })
    void badSettingStopsTheStartAndNamesTheSetting(String key, String value) {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> settingsOf(Map.of(key, value)));
        assertEquals(key, e.key());
        assertTrue(e.getMessage().contains(key), e.getMessage());
    }

    @Test
    void rotationShorterThanTheAccessTokenLifetimeIsRefused() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> settingsOf(Map.of("rotor.tokens.access-ttl", "PT30M", "rotor.keys.rotation", "PT20M")));
        assertEquals("rotor.keys.rotation", e.key());
    }
}
