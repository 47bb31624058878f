package dev.rotor.issuer.revocation.control;

import dev.rotor.filter.protocol.RevocationEvent;
import dev.rotor.issuer.testbed.IssuerTestBed;
import dev.rotor.issuer.testbed.RecordingEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BlacklistTest {

    @RegisterExtension
    static final IssuerTestBed bed = new IssuerTestBed();

    private final RecordingEvents events = new RecordingEvents();
    private Blacklist blacklist;

    @BeforeEach
    void wire() {
        blacklist = new Blacklist(bed.connections(), bed.config(), bed.clock(), events);
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
    void aSubjectEntryHoldsItsNotBeforeAndTheSameLifetime() {
        blacklist.revokeSubject("alice");

        String key = bed.names().blacklistKey(RevocationEvent.Type.SUB, "alice");
        assertEquals(Long.toString(bed.secondsRoundedUp()), bed.client().get(key), "iat has whole seconds");
        assertTrue(bed.client().pttl(key) > IssuerTestBed.ACCESS_TTL.toMillis());
        assertEquals(1, events.count("revoked"));
    }
}
