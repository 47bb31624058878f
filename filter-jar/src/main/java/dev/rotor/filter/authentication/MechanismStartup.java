package dev.rotor.filter.authentication;

import dev.rotor.filter.configuration.Settings;
import dev.rotor.filter.configuration.VerifierConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Starts the verifier of {@link JwtAuthenticationMechanism} when the application deploys, if its {@code web.xml}
 * sets the context-param {@code rotor.issuer}. Doing it here, not on the first request, makes a bad setting fail
 * the deployment.
 */
@WebListener
public class MechanismStartup implements ServletContextListener {

    static final String VERIFIER_ATTRIBUTE = MechanismStartup.class.getName() + ".verifier";

    private static final Logger LOG = Logger.getLogger(MechanismStartup.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        if (context.getInitParameter(VerifierConfig.ISSUER) == null) {
            LOG.fine(() -> "ROTOR-A002 no rotor.issuer context-param in '" + context.getContextPath()
                    + "': the Rotor authentication mechanism stays inactive");
            return;
        }
        VerifierConfig config = VerifierConfig.from(Settings.systemThenEnvironmentThen(
                key -> Optional.ofNullable(context.getInitParameter(key))));
        install(context, Verifier.start(config, Clock.systemUTC(), ContainerThreads.factory()));
    }

    /**
     * Activates {@link JwtAuthenticationMechanism} in {@code context} with a verifier built in code, for
     * applications that configure it programmatically. Call it while the context initialises, from a
     * {@code ServletContextListener}; the verifier is closed when the context is destroyed.
     */
    public static void install(ServletContext context, Verifier verifier) {
        context.addFilter(ChallengeFilter.class.getName(),
                        new ChallengeFilter(new Challenges(verifier.config().realm())))
                .addMappingForUrlPatterns(null, false, "/*");
        context.setAttribute(VERIFIER_ATTRIBUTE, verifier);
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (event.getServletContext().getAttribute(VERIFIER_ATTRIBUTE) instanceof Verifier verifier) {
            verifier.close();
        }
    }
}
