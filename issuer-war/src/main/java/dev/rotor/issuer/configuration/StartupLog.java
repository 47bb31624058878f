package dev.rotor.issuer.configuration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

import java.util.logging.Logger;

/** The one line an operator looks for: where this issuer answers. */
@ApplicationScoped
public class StartupLog {

    private static final Logger LOG = Logger.getLogger(StartupLog.class.getName());

    void started(@Observes @Initialized(ApplicationScoped.class) Object event, IssuerConfig config) {
        LOG.info(() -> "ROTOR-I001 Rotor issuer " + config.issuer()
                + " | JWKS " + config.url("/.well-known/jwks.json")
                + " | discovery " + config.url("/.well-known/openid-configuration"));
    }
}
