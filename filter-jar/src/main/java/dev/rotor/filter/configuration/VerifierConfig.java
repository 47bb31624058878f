package dev.rotor.filter.configuration;

import dev.rotor.filter.protocol.JwsAlgorithm;
import dev.rotor.filter.protocol.RedisNames;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The verifier's configuration, read from settings by {@link #from(Settings)} or built in code with
 * {@link #builder}, which holds every default. Each way validates in the one constructor: a bad value stops the
 * deployment with an {@link InvalidSettingException} naming its key. Every key is prefixed {@code rotor.}.
 *
 * @param issuer              the expected {@code iss}, an http(s) URL ({@code rotor.issuer}, required)
 * @param jwksUri             where the issuer's public keys are ({@code rotor.jwks-uri}), or {@code null} to discover
 *                            them from {@code {issuer}/.well-known/openid-configuration}; never taken from a token
 * @param audience            the required {@code aud} value ({@code rotor.tokens.audience}, required)
 * @param algorithms          the accepted JWS algorithms, a subset of RS256 and ES256 ({@code rotor.algorithms})
 * @param leeway              the clock skew tolerated on {@code exp}, {@code nbf} and {@code iat}
 *                            ({@code rotor.tokens.leeway})
 * @param redis               the Redis holding the revocation blacklist ({@code rotor.redis.url}, required)
 * @param redisNames          the names of every Redis key, under {@code rotor.redis.prefix}
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
    public static final String AUDIENCE = "rotor.tokens.audience";
    public static final String ALGORITHMS = "rotor.algorithms";
    public static final String LEEWAY = "rotor.tokens.leeway";
    public static final String REDIS_URL = "rotor.redis.url";
    public static final String REDIS_PREFIX = "rotor.redis.prefix";
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

    /** Names these keys had before the verifier and the issuer shared one vocabulary: still read, with a warning. */
    public static final Map<String, String> FORMER_NAMES = Map.of(
            "rotor.audience", AUDIENCE,
            "rotor.leeway", LEEWAY,
            "rotor.redis-url", REDIS_URL,
            "rotor.redis-prefix", REDIS_PREFIX);

    private static final Duration MAX_LEEWAY = Duration.ofMinutes(5);
    private static final int MAX_TOKEN_SIZE_LIMIT = 65_536;
    private static final int MAX_TOKEN_CACHE_SIZE = 1_000_000;
    private static final Pattern REALM_TEXT = Pattern.compile("[\\x20-\\x7E&&[^\"\\\\]]+");
    private static final Pattern PATH_PATTERN = Pattern.compile("(/[\\x21-\\x7E]*|\\*\\.[\\x21-\\x7E]+)");

    /** @throws InvalidSettingException naming the key of the first bad value */
    public VerifierConfig {
        issuer = httpUrl(ISSUER, issuer);
        jwksUri = jwksUri == null ? null : httpUrl(JWKS_URI, jwksUri);
        if (audience == null || audience.isBlank()) {
            throw new InvalidSettingException(AUDIENCE, "is required");
        }
        algorithms = Set.copyOf(algorithms);
        if (algorithms.isEmpty()) {
            throw new InvalidSettingException(ALGORITHMS, "must name at least one algorithm");
        }
        if (leeway.isNegative() || leeway.compareTo(MAX_LEEWAY) > 0) {
            throw new InvalidSettingException(LEEWAY, "must be between PT0S and " + MAX_LEEWAY);
        }
        Objects.requireNonNull(redis, REDIS_URL);
        Objects.requireNonNull(redisNames, REDIS_PREFIX);
        Objects.requireNonNull(failPolicy, FAIL_POLICY);
        positive(MAX_STALENESS, maxStaleness);
        between(TOKEN_CACHE_SIZE, tokenCacheSize, MAX_TOKEN_CACHE_SIZE);
        between(MAX_TOKEN_SIZE, maxTokenSize, MAX_TOKEN_SIZE_LIMIT);
        protectedPaths = paths(PROTECTED_PATHS, protectedPaths);
        publicPaths = paths(PUBLIC_PATHS, publicPaths);
        requiredRoles = List.copyOf(requiredRoles);
        if (realm == null || !REALM_TEXT.matcher(realm).matches()) {
            throw new InvalidSettingException(REALM, "contains characters that are not allowed here");
        }
        positive(JWKS_REFRESH_INTERVAL, jwksRefreshInterval);
        positive(HTTP_TIMEOUT, httpTimeout);
    }

    /** A configuration in code: the three required values, and the same defaults as settings that are not set. */
    public static Builder builder(URI issuer, String audience, RedisEndpoint redis) {
        return new Builder(issuer, audience, redis);
    }

    /** The issuer's metadata document (RFC 8414 / OpenID Connect discovery), where the JWKS URL is found. */
    public URI discoveryUri() {
        String issuerText = issuer.toString();
        String base = issuerText.endsWith("/") ? issuerText.substring(0, issuerText.length() - 1) : issuerText;
        return URI.create(base + "/.well-known/openid-configuration");
    }

    /** Reads and validates every key. @throws InvalidSettingException naming the first bad key */
    public static VerifierConfig from(Settings given) {
        Settings settings = given.withFormerNames(FORMER_NAMES);
        Builder config = builder(settings.httpUri(ISSUER, settings.required(ISSUER)), settings.required(AUDIENCE),
                RedisEndpoint.parse(REDIS_URL, settings.required(REDIS_URL)));
        settings.optional(JWKS_URI).ifPresent(uri -> config.jwksUri(settings.httpUri(JWKS_URI, uri)));
        settings.optional(ALGORITHMS).ifPresent(names -> config.algorithms(algorithms(settings)));
        return config.leeway(settings.nonNegativeDuration(LEEWAY, config.leeway))
                .redisNames(redisNames(settings.string(REDIS_PREFIX, config.redisNames.prefix())))
                .failPolicy(settings.oneOf(FAIL_POLICY, FailPolicy.class, config.failPolicy))
                .maxStaleness(settings.duration(MAX_STALENESS, config.maxStaleness))
                .tokenCacheSize(settings.positiveInt(TOKEN_CACHE_SIZE, config.tokenCacheSize))
                .maxTokenSize(settings.positiveInt(MAX_TOKEN_SIZE, config.maxTokenSize))
                .protectedPaths(settings.list(PROTECTED_PATHS, String.join(",", config.protectedPaths)))
                .publicPaths(settings.list(PUBLIC_PATHS, String.join(",", config.publicPaths)))
                .requiredRoles(settings.list(REQUIRED_ROLES, String.join(",", config.requiredRoles)))
                .realm(settings.string(REALM, config.realm))
                .jwksRefreshInterval(settings.duration(JWKS_REFRESH_INTERVAL, config.jwksRefreshInterval))
                .httpTimeout(settings.duration(HTTP_TIMEOUT, config.httpTimeout))
                .build();
    }

    private static Set<JwsAlgorithm> algorithms(Settings settings) {
        return settings.list(ALGORITHMS, "").stream().map(name -> JwsAlgorithm.named(name).orElseThrow(
                () -> new InvalidSettingException(ALGORITHMS, "only RS256 and ES256 are supported")))
                .collect(Collectors.toUnmodifiableSet());
    }

    private static RedisNames redisNames(String prefix) {
        if (!RedisNames.PREFIX.matcher(prefix).matches()) {
            throw new InvalidSettingException(REDIS_PREFIX, "may hold only letters, digits and :_.- (at most 64)");
        }
        return new RedisNames(prefix);
    }

    private static URI httpUrl(String key, URI uri) {
        if (uri == null) {
            throw new InvalidSettingException(key, "is required");
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new InvalidSettingException(key, "must be an absolute http(s) URL");
        }
        return uri;
    }

    private static void positive(String key, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new InvalidSettingException(key, "must be a positive duration");
        }
    }

    private static void between(String key, int value, int limit) {
        if (value <= 0) {
            throw new InvalidSettingException(key, "must be a positive number");
        }
        if (value > limit) {
            throw new InvalidSettingException(key, "must be at most " + limit);
        }
    }

    private static List<String> paths(String key, List<String> paths) {
        for (String path : paths) {
            if (!PATH_PATTERN.matcher(path).matches()) {
                throw new InvalidSettingException(key, "each path must start with / or be an extension like *.css");
            }
        }
        return List.copyOf(paths);
    }

    /** Every optional value starts at its default; {@link #build()} validates the whole configuration. */
    public static final class Builder {

        private final URI issuer;
        private final String audience;
        private final RedisEndpoint redis;
        private URI jwksUri;
        private Set<JwsAlgorithm> algorithms = Set.of(JwsAlgorithm.RS256);
        private Duration leeway = Duration.ofSeconds(30);
        private RedisNames redisNames = new RedisNames(RedisNames.DEFAULT_PREFIX);
        private FailPolicy failPolicy = FailPolicy.CLOSED;
        private Duration maxStaleness = Duration.ofSeconds(5);
        private int tokenCacheSize = 10_000;
        private int maxTokenSize = 8192;
        private List<String> protectedPaths = List.of("/*");
        private List<String> publicPaths = List.of();
        private List<String> requiredRoles = List.of();
        private String realm = "rotor";
        private Duration jwksRefreshInterval = Duration.ofSeconds(10);
        private Duration httpTimeout = Duration.ofSeconds(3);

        private Builder(URI issuer, String audience, RedisEndpoint redis) {
            this.issuer = issuer;
            this.audience = audience;
            this.redis = redis;
        }

        public Builder jwksUri(URI jwksUri) {
            this.jwksUri = jwksUri;
            return this;
        }

        public Builder algorithms(Set<JwsAlgorithm> algorithms) {
            this.algorithms = algorithms;
            return this;
        }

        public Builder leeway(Duration leeway) {
            this.leeway = leeway;
            return this;
        }

        public Builder redisNames(RedisNames redisNames) {
            this.redisNames = redisNames;
            return this;
        }

        public Builder failPolicy(FailPolicy failPolicy) {
            this.failPolicy = failPolicy;
            return this;
        }

        public Builder maxStaleness(Duration maxStaleness) {
            this.maxStaleness = maxStaleness;
            return this;
        }

        public Builder tokenCacheSize(int tokenCacheSize) {
            this.tokenCacheSize = tokenCacheSize;
            return this;
        }

        public Builder maxTokenSize(int maxTokenSize) {
            this.maxTokenSize = maxTokenSize;
            return this;
        }

        public Builder protectedPaths(List<String> protectedPaths) {
            this.protectedPaths = protectedPaths;
            return this;
        }

        public Builder publicPaths(List<String> publicPaths) {
            this.publicPaths = publicPaths;
            return this;
        }

        public Builder requiredRoles(List<String> requiredRoles) {
            this.requiredRoles = requiredRoles;
            return this;
        }

        public Builder realm(String realm) {
            this.realm = realm;
            return this;
        }

        public Builder jwksRefreshInterval(Duration jwksRefreshInterval) {
            this.jwksRefreshInterval = jwksRefreshInterval;
            return this;
        }

        public Builder httpTimeout(Duration httpTimeout) {
            this.httpTimeout = httpTimeout;
            return this;
        }

        /** @throws InvalidSettingException naming the key of the first bad value */
        public VerifierConfig build() {
            return new VerifierConfig(issuer, jwksUri, audience, algorithms, leeway, redis, redisNames, failPolicy,
                    maxStaleness, tokenCacheSize, maxTokenSize, protectedPaths, publicPaths, requiredRoles, realm,
                    jwksRefreshInterval, httpTimeout);
        }
    }
}
