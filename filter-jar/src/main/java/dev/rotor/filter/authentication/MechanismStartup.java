package dev.rotor.filter.authentication;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Starts the verifier of {@link JwtAuthenticationMechanism} when the application deploys, not on the first request,
 * so a bad setting fails the deployment; where the mechanism is active, container-written denials answer like the
 * rest of Rotor ({@link ChallengeFilter}).
 */
@WebListener
public class MechanismStartup implements ServletContextListener {

    @Inject
    MechanismVerifierProducer producer;

    @Inject
    Instance<MechanismVerifier> mechanism;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        producer.starting(event.getServletContext());
        mechanism.get().verifier().ifPresent(verifier -> {
            ChallengeFilter challenges = new ChallengeFilter(new Challenges(verifier.config().realm()));
            event.getServletContext().addFilter(ChallengeFilter.class.getName(), challenges)
                    .addMappingForUrlPatterns(null, false, "/*");
        });
    }
}
