package dev.rotor.issuer.authentication;

import dev.rotor.filter.authentication.Verifier;
import dev.rotor.filter.configuration.RedisEndpoint;
import dev.rotor.filter.configuration.VerifierConfig;
import dev.rotor.issuer.configuration.IssuerConfig;
import dev.rotor.issuer.http.BearerRealm;
import dev.rotor.issuer.keys.control.JwksSnapshots;
import dev.rotor.issuer.keys.control.KeySettings;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * The issuer verifies its own access tokens with the same verifier its customers use (the filter-jar), for the
 * admin resources, {@code /userinfo}, introspection and revocation ({@link IssuerMechanism} hands it to the
 * authentication mechanism). Only the key source differs: the registry, in-process, instead of HTTP to itself. CDI
 * owns the verifier: it is produced here and closed here.
 */
@ApplicationScoped
public class VerifierProducer {

    /** New keys of other instances are read from Redis, so an unknown kid may cause a refresh every second. */
    private static final Duration UNKNOWN_KID_REFRESH = Duration.ofSeconds(1);

    @Resource
    ManagedThreadFactory threads;

    @Produces
    @Singleton
    Verifier verifier(IssuerConfig config, KeySettings keys, RedisEndpoint redis, JwksSnapshots jwks, Clock clock) {
        VerifierConfig verification = VerifierConfig.builder(config.issuer(), config.audience(), redis)
                .jwksUri(URI.create(config.url("/.well-known/jwks.json")))
                .algorithms(Set.of(keys.algorithm()))
                .leeway(config.leeway())
                .redisNames(config.redisNames())
                .realm(BearerRealm.NAME)
                .jwksRefreshInterval(UNKNOWN_KID_REFRESH)
                .build();
        return Verifier.start(verification, new OwnKeys(jwks), clock, threads);
    }

    void close(@Disposes Verifier verifier) {
        verifier.close();
    }
}
