package dev.rotor.issuer.revocation.control;

import dev.rotor.filter.protocol.JwsAlgorithm;
import dev.rotor.filter.protocol.RevocationEvent;
import dev.rotor.issuer.keys.control.RedisPublicKeyRegistry;
import dev.rotor.issuer.keys.control.TokenLifetimes;
import dev.rotor.issuer.keys.entity.KeyStatus;
import dev.rotor.issuer.keys.entity.PublishedKey;
import dev.rotor.issuer.keys.entity.SigningKey;
import dev.rotor.issuer.testbed.IssuerTestBed;
import dev.rotor.issuer.testbed.RecordingEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BlacklistTest {

    @RegisterExtension
    static final IssuerTestBed bed = new IssuerTestBed();

    private final RecordingEvents events = new RecordingEvents();
    private RedisPublicKeyRegistry registry;
    private Blacklist blacklist;

    @BeforeEach
    void wire() {
        registry = new RedisPublicKeyRegistry(bed.connections(), bed.names().prefix());
        blacklist = new Blacklist(bed.connections(), bed.config(), new TokenLifetimes(registry, bed.config()),
                bed.clock(), events);
    }

    @Test
    void aSessionEntryLivesOneAccessTokenLifetimePlusTheLeeway() {
        blacklist.revokeSession("s1");

        long ttl = bed.client().pttl(bed.names().blacklistKey(RevocationEvent.Type.RID, "s1"));
        long expected = IssuerTestBed.ACCESS_TTL.plus(IssuerTestBed.LEEWAY).toMillis();
        assertTrue(ttl > expected - Duration.ofSeconds(5).toMillis() && ttl <= expected, "PTTL " + ttl);
        assertEquals(1, events.count("revoked"));
    }

    @Test
    void anInstanceWhoseTokensLiveLongerKeepsTheEntryAsLongAsItsTokens() {
        Duration longer = IssuerTestBed.ACCESS_TTL.multipliedBy(4);
        publishKeyOfAnotherInstance(longer);

        blacklist.revokeSession("s2");
        blacklist.revokeSubject("bob");

        for (String key : new String[]{bed.names().blacklistKey(RevocationEvent.Type.RID, "s2"),
                bed.names().blacklistKey(RevocationEvent.Type.SUB, "bob")}) {
            long ttl = bed.client().pttl(key);
            assertTrue(ttl > longer.minusSeconds(5).toMillis() && ttl <= longer.toMillis(), key + " PTTL " + ttl);
        }
    }

    @Test
    void anInstanceWhoseTokensLiveShorterDoesNotShortenTheEntry() {
        publishKeyOfAnotherInstance(Duration.ofSeconds(5));

        blacklist.revokeSession("s3");

        long ttl = bed.client().pttl(bed.names().blacklistKey(RevocationEvent.Type.RID, "s3"));
        assertTrue(ttl > IssuerTestBed.ACCESS_TTL.toMillis(), "PTTL " + ttl);
    }

    private void publishKeyOfAnotherInstance(Duration tokenLifetime) {
        SigningKey other = SigningKey.generate(JwsAlgorithm.ES256, bed.clock().instant());
        registry.publish(List.of(new PublishedKey(other.publicKey(), KeyStatus.ACTIVE, "other-instance", null,
                bed.clock().instant().plus(Duration.ofHours(1)), tokenLifetime)), bed.clock().instant());
    }

    @Test
    void aSubjectEntryHoldsItsNotBeforeAndTheSameLifetime() {
        blacklist.revokeSubject("alice");

        String key = bed.names().blacklistKey(RevocationEvent.Type.SUB, "alice");
        assertEquals(Long.toString(bed.secondsRoundedUp()), bed.client().get(key), "iat has whole seconds");
        assertTrue(bed.client().pttl(key) > IssuerTestBed.ACCESS_TTL.toMillis());
        assertEquals(1, events.count("revoked"));
    }
}
