package dev.rotor.issuer.tokens.control;

import com.auth0.jwt.JWT;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.rotor.issuer.availability.SigningUnavailableException;
import dev.rotor.issuer.keys.control.KeyRing;
import dev.rotor.issuer.testbed.IssuerTestBed;
import dev.rotor.issuer.testbed.RecordingEvents;
import dev.rotor.issuer.tokens.entity.AccessToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AccessTokensTest {

    @RegisterExtension
    static final IssuerTestBed bed = new IssuerTestBed();

    @Test
    void anAccessTokenCarriesEveryClaimOfRfc9068AndTheSession() {
        AccessToken token = bed.accessTokens().issue("alice", Set.of("user"), "rid-1", "web");

        DecodedJWT jwt = JWT.decode(token.value());
        assertEquals("at+jwt", jwt.getType());
        assertEquals("https://issuer.example", jwt.getIssuer());
        assertEquals("alice", jwt.getSubject());
        assertEquals(List.of("rotor"), jwt.getAudience());
        assertEquals(bed.clock().instant().getEpochSecond(), jwt.getIssuedAtAsInstant().getEpochSecond());
        assertEquals(jwt.getIssuedAtAsInstant(), jwt.getNotBeforeAsInstant());
        assertEquals(IssuerTestBed.ACCESS_TTL,
                Duration.between(jwt.getIssuedAtAsInstant(), jwt.getExpiresAtAsInstant()));
        assertEquals(token.jti(), jwt.getId());
        assertEquals("rid-1", jwt.getClaim("rid").asString());
        assertEquals("web", jwt.getClaim("client_id").asString());
        assertEquals(List.of("user"), jwt.getClaim("groups").asList(String.class));
        assertEquals(1, bed.events().count("tokenIssued"));
    }

    @Test
    void everyTokenHasItsOwnId() {
        assertNotEquals(bed.accessTokens().issue("alice", Set.of(), "r", "").jti(),
                bed.accessTokens().issue("alice", Set.of(), "r", "").jti());
    }

    @Test
    void withoutAPublishedKeyNothingIsSigned() {
        AccessTokens unpublished = new AccessTokens(new KeyRing(), bed.config(), bed.clock(), new RecordingEvents());

        assertThrows(SigningUnavailableException.class, () -> unpublished.issue("alice", Set.of(), "r", ""));
    }
}
