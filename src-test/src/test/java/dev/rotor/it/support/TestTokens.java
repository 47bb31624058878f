package dev.rotor.it.support;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.rotor.testsupport.JwksServer;
import dev.rotor.testsupport.TestKeys;
import dev.rotor.testsupport.TokenFixture;

import java.security.KeyPair;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A test issuer: a key pair, its JWKS served from the test JVM, and access tokens signed with it. */
public final class TestTokens implements AutoCloseable {

    public static final String AUDIENCE = "sample";
    public static final String KID = "it-key-1";
    private static final KeyPair KEYS = TestKeys.rsa();

    private final JwksServer jwks = JwksServer.start(TestKeys.jwks(TestKeys.jwk(KID, KEYS)));

    public String issuer() {
        return jwks.issuer().toString();
    }

    /** The verifier settings every sample deployment shares. */
    public Map<String, String> verifierSettings(String redisUrl) {
        return Map.of(
                "rotor.issuer", issuer(),
                "rotor.tokens.audience", AUDIENCE,
                "rotor.redis.url", redisUrl,
                "rotor.tokens.leeway", "PT1S",
                "rotor.max-staleness", "PT3S",
                "rotor.realm", "sample");
    }

    public String token(String subject, String rid, List<String> groups) {
        return token(subject, rid, groups, Instant.now(), Duration.ofMinutes(15));
    }

    public String expired(String subject) {
        return token(subject, UUID.randomUUID().toString(), List.of("user"), Instant.now().minusSeconds(3600),
                Duration.ofMinutes(15));
    }

    public String token(String subject, String rid, List<String> groups, Instant issuedAt, Duration ttl) {
        return JWT.create()
                .withHeader(Map.of("typ", "at+jwt"))
                .withKeyId(KID)
                .withIssuer(issuer())
                .withAudience(AUDIENCE)
                .withSubject(subject)
                .withIssuedAt(issuedAt)
                .withNotBefore(issuedAt)
                .withExpiresAt(issuedAt.plus(ttl))
                .withJWTId(UUID.randomUUID().toString())
                .withClaim("rid", rid)
                .withClaim("client_id", "it")
                .withClaim("groups", groups)
                .sign(Algorithm.RSA256((RSAPublicKey) KEYS.getPublic(), (RSAPrivateKey) KEYS.getPrivate()));
    }

    /** A token with exactly this header and these claims, RS256-signed with the trusted key. */
    public String signed(String headerJson, String claimsJson) {
        return TokenFixture.signed(headerJson, claimsJson, KEYS.getPrivate(), "SHA256withRSA");
    }

    /** The claims {@link #token} would carry for {@code subject}, as JSON text, valid for 15 minutes from now. */
    public String claims(String subject) {
        long now = Instant.now().getEpochSecond();
        return "{\"iss\":\"" + issuer() + "\",\"sub\":\"" + subject + "\",\"aud\":\"" + AUDIENCE + "\",\"iat\":" + now
                + ",\"nbf\":" + now + ",\"exp\":" + (now + 900) + ",\"jti\":\"" + UUID.randomUUID() + "\",\"rid\":\""
                + UUID.randomUUID() + "\",\"client_id\":\"it\",\"groups\":[\"user\",\"admin\"]}";
    }

    /** The trusted public key, as an attacker can read it from the JWKS. */
    public PublicKey publicKey() {
        return KEYS.getPublic();
    }

    /** The JWKS's own JSON for the trusted key. */
    public String jwk() {
        return TestKeys.jwk(KID, KEYS);
    }

    /** How often a verifier fetched the JWKS. */
    public int jwksRequests() {
        return jwks.jwksRequests();
    }

    @Override
    public void close() {
        jwks.close();
    }
}
