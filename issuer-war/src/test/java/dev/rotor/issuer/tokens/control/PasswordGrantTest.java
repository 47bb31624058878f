package dev.rotor.issuer.tokens.control;

import com.auth0.jwt.JWT;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.rotor.issuer.testbed.IssuerTestBed;
import dev.rotor.issuer.tokens.entity.GrantResult;
import dev.rotor.issuer.tokens.entity.GrantResult.Refusal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordGrantTest {

    @RegisterExtension
    static final IssuerTestBed bed = new IssuerTestBed();

    @BeforeEach
    void users() {
        bed.user("alice", "user", "finance");
    }

    @Test
    void rightCredentialsOpenASessionAndSignAnAccessTokenForIt() {
        GrantResult.Granted granted = assertInstanceOf(GrantResult.Granted.class,
                bed.passwords().login("alice", bed.password("alice"), "cli", "10.0.0.1"));

        DecodedJWT access = JWT.decode(granted.tokens().access().value());
        assertEquals("alice", access.getSubject());
        assertEquals("cli", access.getClaim("client_id").asString());
        String rid = access.getClaim("rid").asString();
        assertEquals("alice", bed.sessions().find(rid).orElseThrow().subject());
        assertEquals(rid, bed.sessions().holderOf(granted.tokens().refreshToken()).orElseThrow().rid());
    }

    @Test
    void wrongPasswordUnknownUserAndDisabledUserGetTheSameRefusal() {
        bed.user("dora");
        bed.users().setDisabled("dora", true);

        for (String[] attempt : List.of(new String[] {"alice", "wrong"}, new String[] {"nobody", "whatever"},
                new String[] {"dora", bed.password("dora")})) {
            assertEquals(new GrantResult.Refused(Refusal.BAD_CREDENTIALS),
                    bed.passwords().login(attempt[0], attempt[1], "", "10.0.0." + attempt[0].length()));
        }
        assertEquals(3, bed.events().count("loginFailed"));
    }

    @Test
    void anOversizedPasswordIsRefusedBeforeAnyHashingOrCounting() {
        GrantResult result = bed.passwords().login("alice", "x".repeat(1025), "", "10.0.0.1");

        assertEquals(new GrantResult.Refused(Refusal.MALFORMED_CREDENTIALS), result);
        assertEquals(List.of(), bed.events().events());
    }

    @Test
    void repeatedFailuresThrottleTheAccountEvenWithTheRightPassword() {
        for (int i = 0; i < 3; i++) {
            bed.passwords().login("alice", "wrong", "", "10.0.0.1");
        }

        GrantResult.Throttled throttled = assertInstanceOf(GrantResult.Throttled.class,
                bed.passwords().login("alice", bed.password("alice"), "", "10.0.0.2"));
        assertTrue(throttled.retryAfter().toSeconds() > 0);
        assertEquals(1, bed.events().count("loginThrottled"));
    }
}
