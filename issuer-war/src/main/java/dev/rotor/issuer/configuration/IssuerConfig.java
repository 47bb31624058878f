package dev.rotor.issuer.configuration;

import dev.rotor.filter.configuration.InvalidSettingException;
import dev.rotor.filter.configuration.RedisEndpoint;
import dev.rotor.filter.configuration.Settings;
import dev.rotor.filter.protocol.RedisNames;

import java.net.URI;
import java.time.Duration;

/**
 * The settings every component of the issuer shares, read once at start and validated. Each component reads its
 * own settings in a record of its own ({@code KeySettings}, {@code SessionLifetimes}, {@code ThrottleLimits}); this
 * one knows none of them. Keys are MicroProfile Config names; each is also read from the environment variable
 * MicroProfile derives from it ({@code rotor.redis.url} → {@code ROTOR_REDIS_URL}).
 *
 * @param issuer     the {@code iss} of every token and the base of every published URL
 * @param redis      the shared Redis, or {@code null} to start an embedded one (quick start)
 * @param redisNames the names of everything in Redis, under {@code rotor.redis.prefix}
 * @param accessTtl  the lifetime of an access token
 * @param leeway     the clock skew allowed to verifiers
 * @param audience   the {@code aud} of every access token
 */
public record IssuerConfig(URI issuer, RedisEndpoint redis, RedisNames redisNames, Duration accessTtl,
                           Duration leeway, String audience) {

    public static final String ISSUER = "rotor.issuer";
    public static final String REDIS_URL = "rotor.redis.url";
    public static final String REDIS_PREFIX = "rotor.redis.prefix";
    public static final String ACCESS_TTL = "rotor.tokens.access-ttl";
    public static final String LEEWAY = "rotor.tokens.leeway";
    public static final String AUDIENCE = "rotor.tokens.audience";
    /** The longest access-token lifetime; what another instance publishes beyond it (plus leeway) is not believed. */
    public static final Duration MAX_ACCESS_TTL = Duration.ofHours(12);

    public static IssuerConfig from(Settings settings) {
        URI issuer = settings.httpUri(ISSUER, "http://localhost:8080");
        if (issuer.getQuery() != null || issuer.getFragment() != null || issuer.getPath().endsWith("/")) {
            throw new InvalidSettingException(ISSUER, "must have no query, fragment or trailing slash");
        }
        String prefix = settings.string(REDIS_PREFIX, RedisNames.DEFAULT_PREFIX);
        if (!RedisNames.PREFIX.matcher(prefix).matches()) {
            throw new InvalidSettingException(REDIS_PREFIX, "may hold only letters, digits and :_.- (at most 64)");
        }
        Duration accessTtl = settings.duration(ACCESS_TTL, Duration.ofMinutes(15));
        if (accessTtl.compareTo(MAX_ACCESS_TTL) > 0) {
            throw new InvalidSettingException(ACCESS_TTL, "must be at most " + MAX_ACCESS_TTL
                    + ": access tokens are short-lived, and sessions are renewed with refresh tokens");
        }
        return new IssuerConfig(
                issuer,
                settings.optional(REDIS_URL).map(url -> RedisEndpoint.parse(REDIS_URL, url)).orElse(null),
                new RedisNames(prefix),
                accessTtl,
                settings.duration(LEEWAY, Duration.ofSeconds(30)),
                settings.string(AUDIENCE, "rotor"));
    }

    public boolean embeddedRedis() {
        return redis == null;
    }

    /** An absolute URL under the issuer, e.g. {@code url("/.well-known/jwks.json")}. */
    public String url(String path) {
        return issuer + path;
    }
}
