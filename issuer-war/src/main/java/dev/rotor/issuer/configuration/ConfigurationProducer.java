package dev.rotor.issuer.configuration;

import dev.rotor.filter.configuration.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import jakarta.inject.Inject;

import java.time.Clock;

/**
 * Produces the settings source, the validated {@link IssuerConfig} and the {@link Clock} that every time-dependent
 * class receives.
 */
@ApplicationScoped
public class ConfigurationProducer {

    @Inject
    Config config;

    /** Every setting of the issuer, from MicroProfile Config; each component reads and validates its own. */
    @Produces
    @Singleton
    Settings settings() {
        return Settings.from(key -> config.getOptionalValue(key, String.class));
    }

    @Produces
    @Singleton
    IssuerConfig issuerConfig(Settings settings) {
        return IssuerConfig.from(settings);
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
