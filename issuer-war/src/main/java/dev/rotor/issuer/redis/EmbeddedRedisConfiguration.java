package dev.rotor.issuer.redis;

import dev.rotor.filter.configuration.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Produces the embedded Redis' validated settings. */
@ApplicationScoped
public class EmbeddedRedisConfiguration {

    @Produces
    @Singleton
    EmbeddedRedisSettings embeddedRedisSettings(Settings settings) {
        return EmbeddedRedisSettings.from(settings);
    }
}
