package dev.rotor.issuer.redis;

import dev.rotor.filter.configuration.InvalidSettingException;
import dev.rotor.filter.configuration.RedisEndpoint;
import dev.rotor.filter.configuration.Settings;
import dev.rotor.filter.protocol.RedisNames;
import dev.rotor.filter.protocol.RevocationEvent;
import dev.rotor.filter.redis.RedisConnections;
import dev.rotor.issuer.revocation.control.RevocationPublisher;
import dev.rotor.issuer.sessions.control.RefreshSessions;
import dev.rotor.issuer.sessions.control.SessionLifetimes;
import dev.rotor.issuer.sessions.entity.IssuedSession;
import dev.rotor.issuer.users.control.PasswordHasher;
import dev.rotor.issuer.users.control.UserStore;
import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The quick start's embedded Redis keeps its data in its folder across a restart. A real redis-server child. */
class EmbeddedRedisTest {

    private static final String PREFIX = "rotor:";

    private final Path dir = Path.of("target", "embedded-redis-" + UUID.randomUUID(), "data").toAbsolutePath();
    private final EmbeddedRedisSettings settings = new EmbeddedRedisSettings(dir);
    private final PasswordHasher hasher = new PasswordHasher(new Pbkdf2PasswordHashImpl());
    private final Clock clock = Clock.systemUTC();
    private EmbeddedRedis first;
    private EmbeddedRedis second;

    @AfterEach
    void stopAndDelete() throws IOException {
        for (EmbeddedRedis redis : new EmbeddedRedis[] {first, second}) {
            if (redis != null) {
                redis.stop();
            }
        }
        if (!Files.exists(dir.getParent())) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir.getParent())) {
            files.sorted(Comparator.reverseOrder()).forEach(EmbeddedRedisTest::delete);
        }
    }

    @Test
    void aRestartOnTheSameFolderKeepsUsersSessionsAndRevocations() {
        first = new EmbeddedRedis();
        String rid;
        try (RedisConnections redis = first.start(settings).connect()) {
            new UserStore(redis, PREFIX, hasher, clock).create("alice", "correct horse".toCharArray(), Set.of("user"));
            IssuedSession session = new RefreshSessions(redis, PREFIX, SessionLifetimes.DEFAULTS, clock)
                    .create("alice", "app", Set.of("user"));
            rid = session.rid();
            new RevocationPublisher(redis, new RedisNames(PREFIX), clock)
                    .publish(RevocationEvent.rid("revoked-session", Instant.now().plusSeconds(600)));
        }
        first.stop();
        first = null;

        second = new EmbeddedRedis();
        try (RedisConnections redis = second.start(settings).connect()) {
            assertTrue(new UserStore(redis, PREFIX, hasher, clock).find("alice").isPresent(), "user lost");
            assertTrue(new RefreshSessions(redis, PREFIX, SessionLifetimes.DEFAULTS, clock).exists(rid),
                    "session lost");
            String revoked = new RedisNames(PREFIX).blacklistKey(RevocationEvent.Type.RID, "revoked-session");
            long ttl = redis.client().pttl(revoked);
            assertTrue(ttl > 0 && ttl <= Duration.ofSeconds(600).toMillis(), "revocation lost, TTL " + ttl);
            assertEquals("yes", redis.client().configGet("appendonly").get("appendonly"));
            assertEquals("everysec", redis.client().configGet("appendfsync").get("appendfsync"));
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.anyMatch(file -> file.getFileName().toString().startsWith("appendonly")),
                    "no append-only file in the data folder");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aSecondEmbeddedRedisOnTheSameFolderIsRefusedWithTheSettingsName() {
        first = new EmbeddedRedis();
        RedisEndpoint running = first.start(settings);

        second = new EmbeddedRedis();
        InvalidSettingException refused = assertThrows(InvalidSettingException.class, () -> second.start(settings));
        assertEquals(EmbeddedRedisSettings.DATA_DIR, refused.key());
        try (RedisConnections redis = running.connect()) {
            assertEquals("PONG", redis.client().ping());
        }
    }

    @Test
    void theFolderDefaultsToRotorDataAndAValueThatCouldShapeRedisConfigurationIsRefused() {
        assertEquals(Path.of("rotor-data").toAbsolutePath(), EmbeddedRedisSettings.from(settingsOf(Map.of()))
                .dataDir());
        assertEquals(dir, EmbeddedRedisSettings.from(settingsOf(Map.of(EmbeddedRedisSettings.DATA_DIR,
                dir.toString()))).dataDir());
        for (String bad : new String[] {"data\"\nappendonly no", "a\\b", "x\ty", "it's"}) {
            InvalidSettingException refused = assertThrows(InvalidSettingException.class,
                    () -> EmbeddedRedisSettings.from(settingsOf(Map.of(EmbeddedRedisSettings.DATA_DIR, bad))));
            assertEquals(EmbeddedRedisSettings.DATA_DIR, refused.key());
        }
    }

    private static Settings settingsOf(Map<String, String> values) {
        return Settings.from(key -> Optional.ofNullable(values.get(key)));
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
