package dev.rotor.issuer.users.control;

import dev.rotor.filter.configuration.RedisEndpoint;
import dev.rotor.filter.redis.RedisConnections;
import dev.rotor.issuer.testbed.CleanRedis;
import dev.rotor.testsupport.MutableClock;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.UnifiedJedis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static jakarta.security.enterprise.identitystore.CredentialValidationResult.Status.VALID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdminBootstrapTest {

    @RegisterExtension
    static final CleanRedis redis = new CleanRedis();

    private static final Pattern GENERATED = Pattern.compile(
            "ROTOR-U102 ===== generated password for user 'admin': ([A-Za-z0-9_-]+) \\(set ROTOR_ADMIN_PASSWORD.*");

    private final PasswordHasher hasher = CountingPasswordHash.cheapHasher(new CountingPasswordHash());
    private final Logger logger = Logger.getLogger(AdminBootstrap.class.getName());
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private UnifiedJedis client;
    private UserStore users;

    @BeforeEach
    void connect() {
        client = redis.client();
        users = new UserStore(redis.connections(), "rotor:", hasher, MutableClock.atFixedInstant());
        logger.addHandler(capture);
    }

    @AfterEach
    void disconnect() {
        logger.removeHandler(capture);
    }

    private CredentialValidationResult login(String username, String password) {
        return new RotorIdentityStore(users, hasher).validate(new UsernamePasswordCredential(username, password));
    }

    @Test
    void emptyStoreGetsAnAdminWithAGeneratedPasswordLoggedOnce() {
        assertTrue(new AdminBootstrap(users).ensureAdmin(Optional.empty()));

        assertEquals(1, logged.size());
        LogRecord record = logged.get(0);
        assertEquals(Level.WARNING, record.getLevel());
        Matcher matcher = GENERATED.matcher(record.getMessage());
        assertTrue(matcher.matches(), record.getMessage());
        String password = matcher.group(1);
        assertTrue(password.length() >= 20, "generated password has " + password.length() + " characters");

        CredentialValidationResult result = login("admin", password);
        assertEquals(VALID, result.getStatus());
        assertEquals(Set.of("rotor-admin"), result.getCallerGroups());
    }

    @Test
    void secondCallDoesNothing() {
        AdminBootstrap bootstrap = new AdminBootstrap(users);
        bootstrap.ensureAdmin(Optional.empty());
        String hash = users.find("admin").orElseThrow().passwordHash();
        logged.clear();

        assertFalse(bootstrap.ensureAdmin(Optional.empty()));
        assertFalse(bootstrap.ensureAdmin(Optional.of("another password")));

        assertEquals(List.of(), logged);
        assertEquals(hash, users.find("admin").orElseThrow().passwordHash());
    }

    @Test
    void configuredPasswordIsUsedAndNeverLogged() {
        assertTrue(new AdminBootstrap(users).ensureAdmin(Optional.of("configured-Passw0rd")));

        assertEquals(VALID, login("admin", "configured-Passw0rd").getStatus());
        assertEquals(1, logged.size());
        assertEquals(Level.INFO, logged.get(0).getLevel());
        assertFalse(logged.get(0).getMessage().contains("configured-Passw0rd"));
    }

    @Test
    void storeWithAnyUserGetsNoAdmin() {
        users.create("alice", "s3cret".toCharArray(), Set.of());

        assertFalse(new AdminBootstrap(users).ensureAdmin(Optional.empty()));

        assertTrue(users.find("admin").isEmpty());
        assertEquals(List.of(), logged);
    }

    @Test
    void instancesStartingTogetherCreateTheAdminOnce() throws Exception {
        int instances = 4;
        CyclicBarrier start = new CyclicBarrier(instances);
        List<Callable<Boolean>> starts = new ArrayList<>();
        List<RedisConnections> clients = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            RedisConnections own = RedisEndpoint.loopback(redis.server().port()).connect();
            clients.add(own);
            AdminBootstrap bootstrap = new AdminBootstrap(
                    new UserStore(own, "rotor:", hasher, MutableClock.atFixedInstant()));
            starts.add(() -> {
                start.await();
                return bootstrap.ensureAdmin(Optional.empty());
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        try {
            long created = 0;
            for (Future<Boolean> result : pool.invokeAll(starts)) {
                created += result.get() ? 1 : 0;
            }
            assertEquals(1, created);
        } finally {
            pool.shutdownNow();
            clients.forEach(RedisConnections::close);
        }

        assertEquals(1, logged.size());
        Matcher matcher = GENERATED.matcher(logged.get(0).getMessage());
        assertTrue(matcher.matches());
        assertEquals(VALID, login("admin", matcher.group(1)).getStatus());
    }
}
