package dev.rotor.issuer.sessions.control;

import dev.rotor.filter.configuration.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Produces the sessions component's validated settings. */
@ApplicationScoped
public class SessionConfiguration {

    @Produces
    @Singleton
    SessionLifetimes sessionLifetimes(Settings settings) {
        return SessionLifetimes.from(settings);
    }
}
