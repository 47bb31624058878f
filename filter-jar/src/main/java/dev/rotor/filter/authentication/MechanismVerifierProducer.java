package dev.rotor.filter.authentication;

import dev.rotor.filter.configuration.Settings;
import dev.rotor.filter.configuration.VerifierConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.servlet.ServletContext;

import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Starts the mechanism's verifier from the application's {@code rotor.*} context-params (overridden by system
 * properties and environment variables) and closes it when the application stops. The mechanism is active only
 * where {@code rotor.issuer} is set.
 */
@ApplicationScoped
public class MechanismVerifierProducer {

    private static final Logger LOG = Logger.getLogger(MechanismVerifierProducer.class.getName());

    private volatile ServletContext deployed;

    /**
     * The application's own context, from {@link MechanismStartup} or from CDI's start event, whichever comes first.
     * Payara's injectable {@code ServletContext} needs an active request, so it fails while an application deploys
     * at server start ({@code --deploy}).
     */
    void deployed(@Observes @Initialized(ApplicationScoped.class) ServletContext context) {
        if (deployed == null) {
            deployed = context;
        }
    }

    @Produces
    @Singleton
    MechanismVerifier verifier(ServletContext injected) {
        ServletContext context = deployed == null ? injected : deployed;
        if (context.getInitParameter(VerifierConfig.ISSUER) == null) {
            LOG.fine(() -> "ROTOR-A002 no rotor.issuer context-param in '" + context.getContextPath()
                    + "': the Rotor authentication mechanism stays inactive");
            return MechanismVerifier.inactive();
        }
        VerifierConfig config = VerifierConfig.from(Settings.systemThenEnvironmentThen(
                key -> Optional.ofNullable(context.getInitParameter(key))));
        return MechanismVerifier.of(Verifier.start(config, Clock.systemUTC(), ContainerThreads.factory()));
    }

    void close(@Disposes MechanismVerifier verifier) {
        verifier.verifier().ifPresent(Verifier::close);
    }
}
