package dev.rotor.issuer.configuration;

import dev.rotor.filter.configuration.InvalidSettingException;
import dev.rotor.filter.configuration.RedisEndpoint;
import dev.rotor.filter.configuration.Settings;
import dev.rotor.filter.protocol.RedisNames;
import dev.rotor.filter.protocol.JwsAlgorithm;
import dev.rotor.issuer.tokens.control.SessionLifetimes;
import dev.rotor.issuer.users.control.ThrottleLimits;

import java.net.URI;
import java.time.Duration;

/**
 * The issuer's configuration, read once at start and validated. Keys are MicroProfile Config names; each is also
 * read from the environment variable MicroProfile derives from it ({@code rotor.redis.url} → {@code ROTOR_REDIS_URL}).
 *
 * @param issuer      the {@code iss} of every token and the base of every published URL
 * @param redis       the shared Redis, or {@code null} to start an embedded one (quick start)
 * @param redisPrefix the prefix of every Redis key
 * @param algorithm   the signing algorithm of this instance's keys
 * @param rotation    how long one key signs before the next one takes over
 * @param heartbeat   how often this instance renews its published keys
 * @param accessTtl   the lifetime of an access token
 * @param leeway      the clock skew allowed to verifiers
 * @param audience    the {@code aud} of every access token
 * @param sessions    how long refresh-token sessions live, idle and at most
 * @param throttle    how many failed logins are allowed per account and per client address
 */
public record IssuerConfig(URI issuer, RedisEndpoint redis, String redisPrefix, JwsAlgorithm algorithm,
                           Duration rotation, Duration heartbeat, Duration accessTtl, Duration leeway,
                           String audience, SessionLifetimes sessions, ThrottleLimits throttle) {

    public static final String ISSUER = "rotor.issuer";
    public static final String REDIS_URL = "rotor.redis.url";
    public static final String REDIS_PREFIX = "rotor.redis.prefix";
    public static final String KEY_ALGORITHM = "rotor.keys.algorithm";
    public static final String ROTATION = "rotor.keys.rotation";
    public static final String HEARTBEAT = "rotor.keys.heartbeat";
    public static final String ACCESS_TTL = "rotor.tokens.access-ttl";
    public static final String LEEWAY = "rotor.tokens.leeway";
    public static final String AUDIENCE = "rotor.tokens.audience";
    public static final String SESSION_IDLE = "rotor.sessions.idle-ttl";
    public static final String SESSION_ABSOLUTE = "rotor.sessions.absolute-ttl";
    public static final String ACCOUNT_FAILURES = "rotor.login.max-failures-per-account";
    public static final String CLIENT_FAILURES = "rotor.login.max-failures-per-client";
    public static final String FAILURE_WINDOW = "rotor.login.failure-window";

    public static IssuerConfig from(Settings settings) {
        URI issuer = settings.httpUri(ISSUER, "http://localhost:8080");
        if (issuer.getQuery() != null || issuer.getFragment() != null || issuer.getPath().endsWith("/")) {
            throw new InvalidSettingException(ISSUER, "must have no query, fragment or trailing slash");
        }
        Duration accessTtl = settings.duration(ACCESS_TTL, Duration.ofMinutes(15));
        Duration rotation = settings.duration(ROTATION, Duration.ofHours(1));
        if (rotation.compareTo(accessTtl) < 0) {
            throw new InvalidSettingException(ROTATION, "must be at least " + ACCESS_TTL + " (" + accessTtl
                    + "), or every instance would publish more keys than tokens live");
        }
        String prefix = settings.string(REDIS_PREFIX, RedisNames.DEFAULT_PREFIX);
        if (!RedisNames.PREFIX.matcher(prefix).matches()) {
            throw new InvalidSettingException(REDIS_PREFIX, "may hold only letters, digits and :_.- (at most 64)");
        }
        return new IssuerConfig(
                issuer,
                settings.optional(REDIS_URL).map(url -> RedisEndpoint.parse(REDIS_URL, url)).orElse(null),
                prefix,
                settings.oneOf(KEY_ALGORITHM, JwsAlgorithm.class, JwsAlgorithm.RS256),
                rotation,
                settings.duration(HEARTBEAT, Duration.ofSeconds(30)),
                accessTtl,
                settings.duration(LEEWAY, Duration.ofSeconds(30)),
                settings.string(AUDIENCE, "rotor"),
                sessions(settings),
                new ThrottleLimits(settings.positiveInt(ACCOUNT_FAILURES, 5), settings.positiveInt(CLIENT_FAILURES, 20),
                        settings.duration(FAILURE_WINDOW, Duration.ofMinutes(15))));
    }

    private static SessionLifetimes sessions(Settings settings) {
        Duration idle = settings.duration(SESSION_IDLE, Duration.ofDays(14));
        Duration absolute = settings.duration(SESSION_ABSOLUTE, Duration.ofDays(30));
        if (idle.compareTo(absolute) > 0) {
            throw new InvalidSettingException(SESSION_IDLE, "must not be longer than " + SESSION_ABSOLUTE);
        }
        return new SessionLifetimes(idle, absolute);
    }

    /** The names of everything in Redis, under {@link #redisPrefix()}. */
    public RedisNames redisNames() {
        return new RedisNames(redisPrefix);
    }

    public boolean embeddedRedis() {
        return redis == null;
    }

    /** An absolute URL under the issuer, e.g. {@code url("/.well-known/jwks.json")}. */
    public String url(String path) {
        return issuer + path;
    }
}
