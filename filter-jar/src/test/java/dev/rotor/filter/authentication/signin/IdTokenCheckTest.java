package dev.rotor.filter.authentication.signin;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import dev.rotor.filter.protocol.JsonWebKey;
import dev.rotor.filter.protocol.JwsAlgorithm;
import dev.rotor.testsupport.MutableClock;
import dev.rotor.testsupport.TestKeys;
import dev.rotor.testsupport.TokenFixture;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IdTokenCheckTest {

    private static final KeyPair RSA = TestKeys.rsa();
    private static final KeyPair EC = TestKeys.ecP256();
    private static final KeyPair OTHER = TestKeys.rsa();
    private static final String ISSUER = "https://issuer.example";
    private final MutableClock clock = MutableClock.atFixedInstant();
    private final IdTokenCheck check = new IdTokenCheck(kid -> switch (kid) {
        case "rsa" -> Optional.of(new JsonWebKey("rsa", JwsAlgorithm.RS256, RSA.getPublic()));
        case "ec" -> Optional.of(new JsonWebKey("ec", JwsAlgorithm.ES256, EC.getPublic()));
        default -> Optional.empty();
    }, Set.of(JwsAlgorithm.RS256, JwsAlgorithm.ES256), ISSUER, "web", Duration.ofSeconds(30), clock);

    private String token(UnaryOperator<JWTCreator.Builder> change) {
        Instant now = clock.instant();
        JWTCreator.Builder builder = JWT.create().withKeyId("rsa").withHeader(Map.of("typ", "JWT")).withIssuer(ISSUER)
                .withSubject("alice").withAudience("web").withIssuedAt(now).withExpiresAt(now.plusSeconds(300))
                .withClaim("nonce", "n-1").withClaim("sid", "s-1");
        return change.apply(builder).sign(Algorithm.RSA256((RSAPublicKey) RSA.getPublic(),
                (RSAPrivateKey) RSA.getPrivate()));
    }

    private void refused(String token) {
        assertThrows(SignInFailedException.class, () -> check.verify(token, "n-1"));
    }

    @Test
    void aValidIdTokenGivesItsSid() {
        assertEquals("s-1", check.verify(token(b -> b), "n-1"));
        long now = clock.instant().getEpochSecond();
        String es256 = TokenFixture.signed("{\"alg\":\"ES256\",\"kid\":\"ec\"}", "{\"iss\":\"" + ISSUER
                        + "\",\"sub\":\"alice\",\"aud\":\"web\",\"iat\":" + now + ",\"exp\":" + (now + 60)
                        + ",\"nonce\":\"n-1\"}", EC.getPrivate(), "SHA256withECDSAinP1363Format");
        assertEquals(null, check.verify(es256, "n-1"), "ES256 in low-S form, as the issuer signs");
    }

    @Test
    void theNonceMustBeTheOneThisBrowserWasGiven() {
        assertThrows(SignInFailedException.class, () -> check.verify(token(b -> b), "n-2"));
        refused(token(b -> b.withClaim("nonce", (String) null)));
        assertThrows(SignInFailedException.class, () -> check.verify(token(b -> b), null));
    }

    @Test
    void issuerAudienceAndTimesAreChecked() {
        refused(token(b -> b.withIssuer("https://evil.example")));
        refused(token(b -> b.withAudience("other")));
        refused(token(b -> b.withAudience("web", "other")));
        assertEquals("s-1", check.verify(token(b -> b.withAudience("web", "other").withClaim("azp", "web")), "n-1"));
        refused(token(b -> b.withExpiresAt(clock.instant().minusSeconds(31))));
        refused(token(b -> b.withIssuedAt(clock.instant().plusSeconds(300))));
        refused(token(b -> b.withSubject(null)));
    }

    @Test
    void onlyTheIssuersKeyWithItsOneAlgorithmVerifies() {
        String forged = JWT.create().withKeyId("rsa").withIssuer(ISSUER).withSubject("alice").withAudience("web")
                .withIssuedAt(clock.instant()).withExpiresAt(clock.instant().plusSeconds(60)).withClaim("nonce", "n-1")
                .sign(Algorithm.RSA256((RSAPublicKey) OTHER.getPublic(), (RSAPrivateKey) OTHER.getPrivate()));
        refused(forged);
        refused(token(b -> b.withKeyId("unknown")));
        refused(token(b -> b.withKeyId("ec")));
        String hs256 = JWT.create().withKeyId("rsa").withIssuer(ISSUER).withSubject("a").withAudience("web")
                .withClaim("nonce", "n-1").sign(Algorithm.HMAC256(RSA.getPublic().getEncoded()));
        refused(hs256);
        refused(token(b -> b.withHeader(Map.of("typ", "at+jwt"))));
        String valid = token(b -> b);
        refused(valid.substring(0, valid.lastIndexOf('.') + 1));
        refused(valid + ".x");
        refused("");
        refused(null);
        refused("a".repeat(20_000));
    }
}
