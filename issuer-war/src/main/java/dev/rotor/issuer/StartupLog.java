package dev.rotor.issuer;

import dev.rotor.issuer.clients.control.ClientSettings;
import dev.rotor.issuer.configuration.IssuerConfig;
import dev.rotor.issuer.keys.control.KeySettings;
import dev.rotor.issuer.redis.EmbeddedRedisSettings;
import dev.rotor.issuer.sessions.control.SessionLifetimes;
import dev.rotor.issuer.users.control.ThrottleLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

import java.util.logging.Logger;

/**
 * At start: every component's settings are read and validated, so a bad value stops the deployment with a message
 * that names it, before anything is served; then the one line an operator looks for, where this issuer answers.
 */
@ApplicationScoped
public class StartupLog {

    private static final Logger LOG = Logger.getLogger(StartupLog.class.getName());

    void started(@Observes @Initialized(ApplicationScoped.class) Object event, IssuerConfig config, KeySettings keys,
                 SessionLifetimes sessions, ThrottleLimits throttle, ClientSettings clients,
                 EmbeddedRedisSettings embeddedRedis) {
        LOG.info(() -> "ROTOR-I001 Rotor issuer " + config.issuer()
                + " | JWKS " + config.url("/.well-known/jwks.json")
                + " | discovery " + config.url("/.well-known/openid-configuration"));
    }
}
