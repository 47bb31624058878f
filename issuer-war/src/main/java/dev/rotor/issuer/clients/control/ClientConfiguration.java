package dev.rotor.issuer.clients.control;

import dev.rotor.filter.configuration.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Produces the clients component's validated settings. */
@ApplicationScoped
public class ClientConfiguration {

    @Produces
    @Singleton
    ClientSettings clientSettings(Settings settings) {
        return ClientSettings.from(settings);
    }
}
