package dev.rotor.issuer.keys.control;

import dev.rotor.filter.configuration.Settings;
import dev.rotor.issuer.configuration.IssuerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Produces the keys component's validated settings. */
@ApplicationScoped
public class KeyConfiguration {

    @Produces
    @Singleton
    KeySettings keySettings(Settings settings, IssuerConfig core) {
        return KeySettings.from(settings, core);
    }
}
