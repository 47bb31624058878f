package dev.rotor.it;

import dev.rotor.it.support.Http;
import dev.rotor.it.support.IssuerDeployment;
import dev.rotor.it.support.PayaraMicroProcess;
import dev.rotor.it.support.Poll;
import dev.rotor.testsupport.RedisFixture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two issuer instances sharing one Redis: N instances publish N keys, and a crashed instance's key ages out. */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiInstanceIT {

    @RegisterExtension
    static final RedisFixture redis = RedisFixture.start();

    /** heartbeat 1 s + access TTL 2 s + leeway 1 s: a dead instance's key lives at most 4 s after its last renewal. */
    private static final Map<String, String> SETTINGS = Map.of(
            "rotor.redis.url", redis.uri().toString(),
            "rotor.keys.heartbeat", "PT1S",
            "rotor.tokens.access-ttl", "PT2S",
            "rotor.tokens.leeway", "PT1S");
    private static final Duration DEAD_KEY_LIFETIME = Duration.ofSeconds(4);

    private static PayaraMicroProcess second;

    @ArquillianResource
    URL base;

    private final Http http = new Http();

    @Deployment(testable = false)
    static WebArchive first() {
        return IssuerDeployment.issuer(SETTINGS);
    }

    @AfterAll
    static void stopSecond() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    @Order(1)
    void eachInstanceServesTheKeysOfBoth() {
        second = PayaraMicroProcess.start("multi-instance-second",
                IssuerDeployment.export(IssuerDeployment.issuer(SETTINGS), "multi-instance"));
        assertTrue(second.log().contains("ROTOR-I001"), "the start-up line says where the issuer listens");

        Set<String> fromFirst = http.kids(firstUri());
        Set<String> fromSecond = http.kids(second.uri("/.well-known/jwks.json"));
        assertEquals(4, fromFirst.size(), "two instances, each with a signing and a next key: " + fromFirst);
        assertEquals(fromFirst, fromSecond, "every instance serves the same union");
    }

    @Test
    @Order(2)
    void crashedInstanceKeyDisappearsOnceItsTokensCanNoLongerBeValid() {
        Set<String> both = http.kids(firstUri());
        Set<String> secondKeys = http.kids(second.uri("/.well-known/jwks.json"));
        second.kill();
        Instant killedAt = Instant.now();

        assertEquals(both, http.kids(firstUri()), "right after the crash its key is still listed");
        assertTrue(Poll.until(DEAD_KEY_LIFETIME.plusSeconds(6), () -> http.kids(firstUri()).size() == 2),
                "the dead instance's keys left the JWKS");
        Duration gone = Duration.between(killedAt, Instant.now());
        assertTrue(gone.compareTo(DEAD_KEY_LIFETIME.plusSeconds(2)) <= 0, "gone after " + gone);
        Set<String> remaining = http.kids(firstUri());
        assertNotEquals(both, remaining);
        assertTrue(both.containsAll(remaining));
        assertEquals(secondKeys, both);
    }

    private URI firstUri() {
        return URI.create(base.toString()).resolve("/.well-known/jwks.json");
    }
}
