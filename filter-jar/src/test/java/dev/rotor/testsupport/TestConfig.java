package dev.rotor.testsupport;

import dev.rotor.filter.configuration.Settings;
import dev.rotor.filter.configuration.VerifierConfig;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A valid {@link VerifierConfig} for tests: audience {@code orders}, a 1 s HTTP timeout, and any overrides. */
public final class TestConfig {

    public static final String AUDIENCE = "orders";

    private TestConfig() {
    }

    /** @param overrides key, value, key, value … (keys with or without the {@code rotor.} prefix) */
    public static VerifierConfig forIssuer(URI issuer, String... overrides) {
        Map<String, String> values = new HashMap<>();
        values.put(VerifierConfig.ISSUER, issuer.toString());
        values.put(VerifierConfig.AUDIENCE, AUDIENCE);
        values.put(VerifierConfig.REDIS_URL, "redis://127.0.0.1:6379");
        values.put(VerifierConfig.HTTP_TIMEOUT, "PT1S");
        for (int i = 0; i + 1 < overrides.length; i += 2) {
            String key = overrides[i].startsWith("rotor.") ? overrides[i] : "rotor." + overrides[i];
            values.put(key, overrides[i + 1]);
        }
        return VerifierConfig.from(Settings.from(key -> Optional.ofNullable(values.get(key))));
    }
}
