package dev.rotor.issuer.configuration;

import dev.rotor.filter.configuration.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import jakarta.inject.Inject;

import java.time.Clock;

/** Produces the validated {@link IssuerConfig} and the {@link Clock} that every time-dependent class receives. */
@ApplicationScoped
public class ConfigurationProducer {

    @Inject
    Config config;

    @Produces
    @Singleton
    IssuerConfig issuerConfig() {
        return IssuerConfig.from(Settings.from(key -> config.getOptionalValue(key, String.class)));
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
