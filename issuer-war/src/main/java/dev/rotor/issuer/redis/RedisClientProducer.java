package dev.rotor.issuer.redis;

import dev.rotor.filter.configuration.RedisEndpoint;
import dev.rotor.filter.redis.RedisConnections;
import dev.rotor.issuer.configuration.IssuerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.logging.Logger;

/** The issuer's one Redis client: the configured Redis, or an embedded one when {@code rotor.redis.url} is unset. */
@ApplicationScoped
public class RedisClientProducer {

    private static final Logger LOG = Logger.getLogger(RedisClientProducer.class.getName());

    @Inject
    IssuerConfig config;

    @Inject
    EmbeddedRedis embedded;

    @Produces
    @Singleton
    public RedisEndpoint endpoint(EmbeddedRedisSettings embeddedSettings) {
        if (!config.embeddedRedis()) {
            return config.redis();
        }
        RedisEndpoint endpoint = embedded.start(embeddedSettings);
        LOG.info(() -> "ROTOR-R001 no " + IssuerConfig.REDIS_URL + " set: started an embedded Redis at " + endpoint
                + ", data in " + embeddedSettings.dataDir()
                + " (use it for a local verifier; set ROTOR_REDIS_URL in production)");
        return endpoint;
    }


    /**
     * Created without contacting Redis, so the issuer starts while Redis (or every sentinel or cluster node) is
     * down; each call fails as an outage until it is back.
     */
    @Produces
    @Singleton
    public RedisConnections connections(RedisEndpoint endpoint) {
        return endpoint.connect();
    }

    public void close(@Disposes RedisConnections connections) {
        connections.close();
    }
}
