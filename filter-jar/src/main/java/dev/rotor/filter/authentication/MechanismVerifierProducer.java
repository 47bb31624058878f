package dev.rotor.filter.authentication;

import dev.rotor.filter.configuration.Settings;
import dev.rotor.filter.configuration.VerifierConfig;
import jakarta.enterprise.context.ApplicationScoped;
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

    private volatile ServletContext application;

    /**
     * The application's context, handed over by {@link MechanismStartup} as the application starts. An injected
     * {@code ServletContext} will not do: Payara's needs an active request, so it fails while an application
     * deploys at server start ({@code WELD-001303}).
     */
    void starting(ServletContext context) {
        application = context;
    }

    @Produces
    @Singleton
    MechanismVerifier verifier() {
        ServletContext context = application;
        if (context == null) {
            throw new IllegalStateException("the mechanism's verifier was asked for before its application started");
        }
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
