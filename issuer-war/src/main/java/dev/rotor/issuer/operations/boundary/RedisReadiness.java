package dev.rotor.issuer.operations.boundary;

import dev.rotor.filter.redis.RedisConnections;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import redis.clients.jedis.exceptions.JedisException;

import java.util.Map;
import java.util.Optional;

/**
 * Ready only while Redis answers a PING through the issuer's shared client: without Redis no login, refresh or
 * revocation can succeed. The data names the failure's type, never the Redis URL or its credentials.
 */
@Readiness
@ApplicationScoped
public class RedisReadiness implements HealthCheck {

    static final String NAME = "rotor-redis";

    private final RedisConnections redis;

    @Inject
    public RedisReadiness(RedisConnections redis) {
        this.redis = redis;
    }

    protected RedisReadiness() {
        this(null);
    }

    @Override
    public HealthCheckResponse call() {
        try {
            redis.client().ping();
            return new HealthCheckResponse(NAME, Status.UP, Optional.empty());
        } catch (JedisException e) {
            // any Redis failure, connection or protocol, means this instance cannot serve
            Map<String, Object> data = Map.of("error", e.getClass().getSimpleName());
            return new HealthCheckResponse(NAME, Status.DOWN, Optional.of(data));
        }
    }
}
