package dev.rotor.filter.configuration;

import dev.rotor.filter.protocol.JwsAlgorithm;
import dev.rotor.filter.protocol.RedisNames;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The verifier's configuration, validated once at deployment by {@link #from(Settings)}. Every key is prefixed
 * {@code rotor.}; a bad value stops the deployment with an {@link InvalidSettingException} that names the key.
 *
 * @param issuer              the expected {@code iss}, an http(s) URL ({@code rotor.issuer}, required)
 * @param jwksUri             where the issuer's public keys are ({@code rotor.jwks-uri}), or {@code null} to discover
 *                            them from {@code {issuer}/.well-known/openid-configuration}; never taken from a token
 * @param audience            the required {@code aud} value ({@code rotor.audience}, required)
 * @param algorithms          the accepted JWS algorithms, a subset of RS256 and ES256 ({@code rotor.algorithms})
 * @param leeway              the clock skew tolerated on {@code exp}, {@code nbf} and {@code iat} ({@code rotor.leeway})
 * @param redis               the Redis holding the revocation blacklist ({@code rotor.redis-url}, required)
 * @param redisNames          the names of every Redis key, under {@code rotor.redis-prefix}
 * @param failPolicy          what to do when revocation state is stale ({@code rotor.fail-policy})
 * @param maxStaleness        how long the revocation mirror may be disconnected ({@code rotor.max-staleness})
 * @param tokenCacheSize      how many verified tokens are remembered ({@code rotor.token-cache-size})
 * @param maxTokenSize        the longest token accepted, in bytes ({@code rotor.max-token-size})
 * @param protectedPaths      URL patterns that need a token ({@code rotor.protected-paths})
 * @param publicPaths         URL patterns left open inside the protected ones ({@code rotor.public-paths})
 * @param requiredRoles       groups a caller needs on protected paths ({@code rotor.required-roles})
 * @param realm               the {@code WWW-Authenticate} realm ({@code rotor.realm})
 * @param jwksRefreshInterval the least time between two JWKS fetches caused by unknown key ids
 *                            ({@code rotor.jwks-refresh-interval})
 * @param httpTimeout         the connect and request timeout of JWKS fetches ({@code rotor.http-timeout})
 */
public record VerifierConfig(
        URI issuer,
        URI jwksUri,
        String audience,
        Set<JwsAlgorithm> algorithms,
        Duration leeway,
        RedisEndpoint redis,
        RedisNames redisNames,
        FailPolicy failPolicy,
        Duration maxStaleness,
        int tokenCacheSize,
        int maxTokenSize,
        List<String> protectedPaths,
        List<String> publicPaths,
        List<String> requiredRoles,
        String realm,
        Duration jwksRefreshInterval,
        Duration httpTimeout) {

    public static final String ISSUER = "rotor.issuer";
    public static final String JWKS_URI = "rotor.jwks-uri";
    public static final String AUDIENCE = "rotor.audience";
    public static final String ALGORITHMS = "rotor.algorithms";
    public static final String LEEWAY = "rotor.leeway";
    public static final String REDIS_URL = "rotor.redis-url";
    public static final String REDIS_PREFIX = "rotor.redis-prefix";
    public static final String FAIL_POLICY = "rotor.fail-policy";
    public static final String MAX_STALENESS = "rotor.max-staleness";
    public static final String TOKEN_CACHE_SIZE = "rotor.token-cache-size";
    public static final String MAX_TOKEN_SIZE = "rotor.max-token-size";
    public static final String PROTECTED_PATHS = "rotor.protected-paths";
    public static final String PUBLIC_PATHS = "rotor.public-paths";
    public static final String REQUIRED_ROLES = "rotor.required-roles";
    public static final String REALM = "rotor.realm";
    public static final String JWKS_REFRESH_INTERVAL = "rotor.jwks-refresh-interval";
    public static final String HTTP_TIMEOUT = "rotor.http-timeout";

    private static final Duration MAX_LEEWAY = Duration.ofMinutes(5);
    private static final int MAX_TOKEN_SIZE_LIMIT = 65_536;
    private static final int MAX_TOKEN_CACHE_SIZE = 1_000_000;
    private static final Pattern REALM_TEXT = Pattern.compile("[\\x20-\\x7E&&[^\"\\\\]]+");
    private static final Pattern PATH_PATTERN = Pattern.compile("(/[\\x21-\\x7E]*|\\*\\.[\\x21-\\x7E]+)");

    public VerifierConfig {
        algorithms = Set.copyOf(algorithms);
        protectedPaths = List.copyOf(protectedPaths);
        publicPaths = List.copyOf(publicPaths);
        requiredRoles = List.copyOf(requiredRoles);
    }

    /** The issuer's metadata document (RFC 8414 / OpenID Connect discovery), where the JWKS URL is found. */
    public URI discoveryUri() {
        String issuerText = issuer.toString();
        String base = issuerText.endsWith("/") ? issuerText.substring(0, issuerText.length() - 1) : issuerText;
        return URI.create(base + "/.well-known/openid-configuration");
    }

    /** Reads and validates every key. @throws InvalidSettingException naming the first bad key */
    public static VerifierConfig from(Settings settings) {
        URI issuer = settings.httpUri(ISSUER, settings.required(ISSUER));
        return new VerifierConfig(
                issuer,
                settings.optional(JWKS_URI).map(uri -> settings.httpUri(JWKS_URI, uri)).orElse(null),
                settings.required(AUDIENCE),
                algorithms(settings),
                leeway(settings),
                RedisEndpoint.parse(REDIS_URL, settings.required(REDIS_URL)),
                redisNames(settings),
                settings.oneOf(FAIL_POLICY, FailPolicy.class, FailPolicy.CLOSED),
                settings.duration(MAX_STALENESS, Duration.ofSeconds(5)),
                atMost(TOKEN_CACHE_SIZE, settings.positiveInt(TOKEN_CACHE_SIZE, 10_000), MAX_TOKEN_CACHE_SIZE),
                atMost(MAX_TOKEN_SIZE, settings.positiveInt(MAX_TOKEN_SIZE, 8192), MAX_TOKEN_SIZE_LIMIT),
                paths(settings, PROTECTED_PATHS, "/*"),
                paths(settings, PUBLIC_PATHS, ""),
                settings.list(REQUIRED_ROLES, ""),
                checked(settings, REALM, "rotor", REALM_TEXT),
                settings.duration(JWKS_REFRESH_INTERVAL, Duration.ofSeconds(10)),
                settings.duration(HTTP_TIMEOUT, Duration.ofSeconds(3)));
    }

    private static Set<JwsAlgorithm> algorithms(Settings settings) {
        List<String> names = settings.list(ALGORITHMS, JwsAlgorithm.RS256.name());
        if (names.isEmpty()) {
            throw new InvalidSettingException(ALGORITHMS, "must name at least one algorithm");
        }
        return names.stream().map(name -> JwsAlgorithm.named(name).orElseThrow(
                () -> new InvalidSettingException(ALGORITHMS, "only RS256 and ES256 are supported")))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    private static RedisNames redisNames(Settings settings) {
        String prefix = settings.string(REDIS_PREFIX, RedisNames.DEFAULT_PREFIX);
        if (!RedisNames.PREFIX.matcher(prefix).matches()) {
            throw new InvalidSettingException(REDIS_PREFIX, "may hold only letters, digits and :_.- (at most 64)");
        }
        return new RedisNames(prefix);
    }

    private static Duration leeway(Settings settings) {
        Duration leeway = settings.nonNegativeDuration(LEEWAY, Duration.ofSeconds(30));
        if (leeway.compareTo(MAX_LEEWAY) > 0) {
            throw new InvalidSettingException(LEEWAY, "must be at most " + MAX_LEEWAY);
        }
        return leeway;
    }

    private static int atMost(String key, int value, int limit) {
        if (value > limit) {
            throw new InvalidSettingException(key, "must be at most " + limit);
        }
        return value;
    }

    /** The realm goes into a quoted HTTP header value and the prefix into Redis keys: no control characters. */
    private static String checked(Settings settings, String key, String defaultValue, Pattern allowed) {
        String value = settings.string(key, defaultValue);
        if (!allowed.matcher(value).matches()) {
            throw new InvalidSettingException(key, "contains characters that are not allowed here");
        }
        return value;
    }

    private static List<String> paths(Settings settings, String key, String defaultValue) {
        List<String> paths = settings.list(key, defaultValue);
        for (String path : paths) {
            if (!PATH_PATTERN.matcher(path).matches()) {
                throw new InvalidSettingException(key, "each path must start with / or be an extension like *.css");
            }
        }
        return paths;
    }
}
