package dev.rotor.issuer.users.control;

import dev.rotor.filter.configuration.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Produces the users component's validated settings. */
@ApplicationScoped
public class UserConfiguration {

    @Produces
    @Singleton
    ThrottleLimits throttleLimits(Settings settings) {
        return ThrottleLimits.from(settings);
    }
}
