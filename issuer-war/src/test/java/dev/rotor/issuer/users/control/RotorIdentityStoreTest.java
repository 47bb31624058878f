package dev.rotor.issuer.users.control;

import dev.rotor.issuer.availability.RedisUnavailableException;
import dev.rotor.testsupport.MutableClock;
import dev.rotor.issuer.testbed.CleanRedis;
import jakarta.security.enterprise.credential.BasicAuthenticationCredential;
import jakarta.security.enterprise.credential.CallerOnlyCredential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.UnifiedJedis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static jakarta.security.enterprise.identitystore.CredentialValidationResult.INVALID_RESULT;
import static jakarta.security.enterprise.identitystore.CredentialValidationResult.NOT_VALIDATED_RESULT;
import static jakarta.security.enterprise.identitystore.CredentialValidationResult.Status.VALID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RotorIdentityStoreTest {

    @RegisterExtension
    static final CleanRedis redis = new CleanRedis();

    private final CountingPasswordHash counting = new CountingPasswordHash();
    private final PasswordHasher hasher = CountingPasswordHash.cheapHasher(counting);
    private UnifiedJedis client;
    private UserStore users;
    private RotorIdentityStore store;

    @BeforeEach
    void connect() {
        client = redis.client();
        users = new UserStore(redis.connections(), "rotor:", hasher, MutableClock.atFixedInstant());
        store = new RotorIdentityStore(users, hasher);
        users.create("alice", "s3cret".toCharArray(), Set.of("staff", "app:reader"));
    }


    private CredentialValidationResult login(String username, String password) {
        return store.validate(new UsernamePasswordCredential(username, password));
    }

    @Test
    void rightPasswordGivesTheCallerAndGroups() {
        CredentialValidationResult result = login("alice", "s3cret");

        assertEquals(VALID, result.getStatus());
        assertEquals("alice", result.getCallerPrincipal().getName());
        assertEquals(Set.of("staff", "app:reader"), result.getCallerGroups());
    }

    @Test
    void basicAuthenticationCredentialIsAUsernamePasswordCredential() {
        String header = Base64.getEncoder().encodeToString("alice:s3cret".getBytes());
        assertEquals(VALID, store.validate(new BasicAuthenticationCredential(header)).getStatus());
    }

    @Test
    void wrongPasswordUnknownUserDisabledUserAndMalformedNameLookAlikeAndCostOneVerificationEach() {
        users.create("dave", "s3cret".toCharArray(), Set.of("staff"));
        users.setDisabled("dave", true);
        List<String[]> attempts = List.of(
                new String[]{"alice", "wrong"},
                new String[]{"nobody", "s3cret"},
                new String[]{"dave", "s3cret"},
                new String[]{"../x\r\n*", "s3cret"});

        for (String[] attempt : attempts) {
            int before = counting.verified();
            assertSame(INVALID_RESULT, login(attempt[0], attempt[1]), attempt[0]);
            assertEquals(before + 1, counting.verified(), "one verification for " + attempt[0]);
        }
    }

    @Test
    void unknownUserIsVerifiedAgainstAHashOfTheSameCostAsARealOne() {
        String realHash = users.find("alice").orElseThrow().passwordHash();
        int before = counting.verified();

        login("nobody", "s3cret");

        String dummy = counting.verifiedAgainst().get(before);
        assertEquals(CountingPasswordHash.parameters(realHash), CountingPasswordHash.parameters(dummy));
        assertEquals(realHash.length(), dummy.length());
    }

    @Test
    void megabytePasswordIsRefusedWithoutHashing() {
        char[] huge = new char[1024 * 1024];
        Arrays.fill(huge, 'x');
        int before = counting.hashingCalls();

        assertSame(INVALID_RESULT, store.validate(new UsernamePasswordCredential("alice", new String(huge))));
        assertSame(INVALID_RESULT, store.validate(new UsernamePasswordCredential("nobody", new String(huge))));
        assertSame(INVALID_RESULT, login("alice", ""));

        assertEquals(before, counting.hashingCalls());
    }

    @Test
    void otherCredentialsAreLeftToOtherStores() {
        assertSame(NOT_VALIDATED_RESULT, store.validate(new CallerOnlyCredential("alice")));
    }

    @Test
    void unavailableRedisIsAnOutageNotAWrongPassword() {
        redis.server().stop();
        assertThrows(RedisUnavailableException.class, () -> login("alice", "s3cret"));
    }

    @Test
    void anUnknownUsernameIsNotLoggedBecauseItMayBeAPassword() {
        Logger logger = Logger.getLogger(RotorIdentityStore.class.getName());
        List<String> messages = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                messages.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level previous = logger.getLevel();
        logger.setLevel(Level.FINE);
        logger.addHandler(capture);
        try {
            login("s3cretTypedAsName", "s3cret");
        } finally {
            logger.removeHandler(capture);
            logger.setLevel(previous);
        }
        assertTrue(messages.stream().anyMatch(message -> message.startsWith("ROTOR-U113")), messages.toString());
        assertFalse(messages.toString().contains("s3cretTypedAsName"), messages.toString());
    }
}
