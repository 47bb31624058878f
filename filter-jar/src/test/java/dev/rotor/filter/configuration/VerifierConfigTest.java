package dev.rotor.filter.configuration;

import dev.rotor.filter.protocol.JwsAlgorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerifierConfigTest {

    private static Map<String, String> minimal() {
        Map<String, String> values = new HashMap<>();
        values.put(VerifierConfig.ISSUER, "https://id.example.com");
        values.put(VerifierConfig.AUDIENCE, "orders");
        values.put(VerifierConfig.REDIS_URL, "redis://localhost:6379");
        return values;
    }

    private static VerifierConfig read(Map<String, String> values) {
        return VerifierConfig.from(Settings.from(key -> Optional.ofNullable(values.get(key))));
    }

    @Test
    void minimalSettingsGetSafeDefaults() {
        VerifierConfig config = read(minimal());

        assertEquals(null, config.jwksUri(), "discovered unless configured");
        assertEquals(URI.create("https://id.example.com/.well-known/openid-configuration"), config.discoveryUri());
        assertEquals(Set.of(JwsAlgorithm.RS256), config.algorithms());
        assertEquals(Duration.ofSeconds(30), config.leeway());
        assertEquals("rotor:", config.redisNames().prefix());
        assertEquals(FailPolicy.CLOSED, config.failPolicy());
        assertEquals(Duration.ofSeconds(5), config.maxStaleness());
        assertEquals(10_000, config.tokenCacheSize());
        assertEquals(8192, config.maxTokenSize());
        assertEquals(List.of("/*"), config.protectedPaths());
        assertEquals(List.of(), config.publicPaths());
        assertEquals(List.of(), config.requiredRoles());
        assertEquals("rotor", config.realm());
        assertEquals(Duration.ofSeconds(10), config.jwksRefreshInterval());
        assertEquals(Duration.ofSeconds(3), config.httpTimeout());
    }

    @Test
    void issuerWithTrailingSlashGivesOneSlashInDefaultJwksUri() {
        Map<String, String> values = minimal();
        values.put(VerifierConfig.ISSUER, "https://id.example.com/realm/");

        assertEquals(URI.create("https://id.example.com/realm/.well-known/openid-configuration"),
                read(values).discoveryUri());
    }

    @Test
    void explicitValuesAreRead() {
        Map<String, String> values = minimal();
        values.put(VerifierConfig.JWKS_URI, "http://keys.internal:8080/jwks");
        values.put(VerifierConfig.ALGORITHMS, "ES256, RS256");
        values.put(VerifierConfig.LEEWAY, "PT0S");
        values.put(VerifierConfig.FAIL_POLICY, "open");
        values.put(VerifierConfig.PUBLIC_PATHS, "/health/*, *.css");
        values.put(VerifierConfig.REQUIRED_ROLES, "user,admin");

        VerifierConfig config = read(values);

        assertEquals(URI.create("http://keys.internal:8080/jwks"), config.jwksUri());
        assertEquals(Set.of(JwsAlgorithm.RS256, JwsAlgorithm.ES256), config.algorithms());
        assertEquals(Duration.ZERO, config.leeway());
        assertEquals(FailPolicy.OPEN, config.failPolicy());
        assertEquals(List.of("/health/*", "*.css"), config.publicPaths());
        assertEquals(List.of("user", "admin"), config.requiredRoles());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "rotor.issuer|",
            "rotor.issuer|ftp://id.example.com",
            "rotor.issuer|not a url",
            "rotor.issuer|/relative",
            "rotor.tokens.audience|",
            "rotor.redis.url|",
            "rotor.redis.url|http://localhost:6379",
            "rotor.jwks-uri|file:///etc/passwd",
            "rotor.algorithms|HS256",
            "rotor.algorithms|none",
            "rotor.algorithms|RS256,PS256",
            "rotor.algorithms|rs256",
            "rotor.algorithms|' , '",
            "rotor.tokens.leeway|30",
            "rotor.tokens.leeway|-PT1S",
            "rotor.tokens.leeway|PT1H",
            "rotor.fail-policy|sometimes",
            "rotor.max-staleness|PT0S",
            "rotor.token-cache-size|0",
            "rotor.token-cache-size|lots",
            "rotor.token-cache-size|99999999",
            "rotor.max-token-size|-1",
            "rotor.max-token-size|1000000",
            "rotor.protected-paths|admin",
            "rotor.public-paths|/ok, evil",
            "rotor.realm|a\"b",
            "rotor.redis.prefix|a b",
            "rotor.jwks-refresh-interval|soon",
            "rotor.http-timeout|PT0S",
    })
    void badValueNamesItsKey(String key, String value) {
        Map<String, String> values = minimal();
        if (value == null) {
            values.remove(key);
        } else {
            values.put(key, value);
        }

        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> read(values));

        assertEquals(key, e.key());
        assertTrue(e.getMessage().contains(key));
    }

    @Test
    void theBuilderHasTheSameDefaultsAsUnsetSettings() {
        VerifierConfig built = VerifierConfig.builder(URI.create("https://id.example.com"), "orders",
                RedisEndpoint.parse(VerifierConfig.REDIS_URL, "redis://localhost:6379")).build();

        assertEquals(read(minimal()).toString(), built.toString());
    }

    @Test
    void theBuilderValidatesLikeTheSettings() {
        VerifierConfig.Builder builder = VerifierConfig.builder(URI.create("https://id.example.com"), "orders",
                RedisEndpoint.parse(VerifierConfig.REDIS_URL, "redis://localhost:6379"));

        assertEquals(VerifierConfig.LEEWAY, assertThrows(InvalidSettingException.class,
                () -> builder.leeway(Duration.ofHours(1)).build()).key());
        assertEquals(VerifierConfig.REALM, assertThrows(InvalidSettingException.class,
                () -> builder.leeway(Duration.ZERO).realm("a\"b").build()).key());
        assertEquals(VerifierConfig.ALGORITHMS, assertThrows(InvalidSettingException.class,
                () -> builder.realm("ok").algorithms(Set.of()).build()).key());
        assertEquals(VerifierConfig.ISSUER, assertThrows(InvalidSettingException.class,
                () -> VerifierConfig.builder(URI.create("file:///etc/passwd"), "orders",
                        RedisEndpoint.parse(VerifierConfig.REDIS_URL, "redis://localhost:6379")).build()).key());
    }

    @Test
    void theFormerVerifierNamesStillConfigureIt() {
        Map<String, String> former = Map.of("rotor.issuer", "https://id.example.com", "rotor.audience", "orders",
                "rotor.redis-url", "redis://localhost:6380", "rotor.redis-prefix", "app:", "rotor.leeway", "PT5S");

        VerifierConfig config = read(new HashMap<>(former));

        assertEquals("orders", config.audience());
        assertEquals("app:", config.redisNames().prefix());
        assertEquals(Duration.ofSeconds(5), config.leeway());
        assertTrue(config.redis().toString().contains("6380"), config.redis().toString());
    }
}
