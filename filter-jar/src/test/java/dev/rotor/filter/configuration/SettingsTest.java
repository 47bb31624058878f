package dev.rotor.filter.configuration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsTest {

    private static final String KEY = "rotor.test-settings." + System.nanoTime();

    @AfterEach
    void clearProperties() {
        System.clearProperty(KEY);
        System.clearProperty("orders." + KEY);
    }

    @Test
    void aFormerNameIsReadWithOneWarningThatNamesTheNewKeyAndTheNewKeyWins() {
        List<String> warnings = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(Settings.class.getName());
        logger.addHandler(capture);
        try {
            String former = KEY + ".old";
            Settings onlyOld = Settings.from(key -> Optional.ofNullable(Map.of(former, "a").get(key)))
                    .withFormerNames(Map.of(former, KEY));
            assertEquals(Optional.of("a"), onlyOld.optional(KEY));
            assertEquals(Optional.of("a"), onlyOld.optional(KEY));
            assertEquals(1, warnings.size(), "one warning per former name, not per read: " + warnings);
            assertTrue(warnings.get(0).startsWith("ROTOR-A003 setting " + former + " is deprecated: use " + KEY),
                    warnings.get(0));

            Settings both = Settings.from(key -> Optional.ofNullable(Map.of(former, "old", KEY, "new").get(key)))
                    .withFormerNames(Map.of(former, KEY));
            assertEquals(Optional.of("new"), both.optional(KEY));
        } finally {
            logger.removeHandler(capture);
        }
    }

    @Test
    void withoutAScopeASystemPropertyOverridesTheApplicationsOwnValue() {
        System.setProperty(KEY, "server-wide");
        Settings settings = Settings.systemThenEnvironmentThen(key -> Optional.ofNullable(Map.of(KEY, "own").get(key)));
        assertEquals(Optional.of("server-wide"), settings.optional(KEY));
    }

    @Test
    void aScopedApplicationReadsOnlyItsOwnSystemPropertiesAndKeepsItsValuesOtherwise() {
        System.setProperty(KEY, "meant for another application");
        Map<String, String> own = Map.of(Settings.SCOPE, "orders", KEY, "own");
        Settings settings = Settings.systemThenEnvironmentThen(key -> Optional.ofNullable(own.get(key)));
        assertEquals(Optional.of("own"), settings.optional(KEY), "an unscoped property does not reach it");

        System.setProperty("orders." + KEY, "for orders");
        assertEquals(Optional.of("for orders"), settings.optional(KEY));
    }

    @Test
    void aBadScopeStopsTheDeployment() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> Settings.systemThenEnvironmentThen(key -> Optional.ofNullable(
                        Map.of(Settings.SCOPE, "Orders App").get(key))));
        assertEquals(Settings.SCOPE, e.key());
    }
}
