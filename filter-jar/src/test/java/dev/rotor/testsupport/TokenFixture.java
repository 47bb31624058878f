package dev.rotor.testsupport;

import dev.rotor.filter.configuration.VerifierConfig;
import dev.rotor.filter.revocation.RevocationCheck;
import dev.rotor.filter.verification.KeyResolver;
import dev.rotor.filter.verification.TokenVerifier;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link TokenVerifier} wired to a local JWKS server that publishes one RSA key ({@link #RSA_KID}) and one EC
 * P-256 key ({@link #EC_KID}), a {@link MutableClock}, and a revocation check whose answer a test sets. Mints
 * tokens from raw header and claims JSON, so tests can build any malformed variant.
 */
public final class TokenFixture implements AutoCloseable {

    public static final String RSA_KID = "rsa-1";
    public static final String EC_KID = "ec-1";
    public static final KeyPair RSA = TestKeys.rsa();
    public static final KeyPair EC = TestKeys.ecP256();
    public static final KeyPair ATTACKER_RSA = TestKeys.rsa();
    public static final Duration TTL = Duration.ofMinutes(15);

    public final MutableClock clock = MutableClock.atFixedInstant();
    public final JwksServer server = JwksServer.start(TestKeys.jwks(TestKeys.jwk(RSA_KID, RSA), TestKeys.jwk(EC_KID, EC)));
    public final VerifierConfig config;
    public final KeyResolver keys;
    public final TokenVerifier verifier;
    public final AtomicInteger revocationChecks = new AtomicInteger();
    private volatile RevocationCheck revocation = (rid, jti, subject, issuedAt) -> false;

    /** @param overrides extra settings as key, value pairs, e.g. {@code "max-token-size", "65536"} */
    public TokenFixture(String... overrides) {
        String[] settings = new String[overrides.length + 2];
        settings[0] = "algorithms";
        settings[1] = "RS256,ES256";
        System.arraycopy(overrides, 0, settings, 2, overrides.length);
        config = TestConfig.forIssuer(server.issuer(), settings);
        keys = KeyResolver.start(config, clock, runnable -> {
            Thread thread = new Thread(runnable, "jwks-test");
            thread.setDaemon(true);
            return thread;
        });
        awaitKeys();
        verifier = new TokenVerifier(config, keys, (rid, jti, subject, issuedAt) -> {
            revocationChecks.incrementAndGet();
            return revocation.isRevoked(rid, jti, subject, issuedAt);
        }, clock);
    }

    /** On a loaded machine the first fetch (discovery, then the JWKS) can outlast one lookup's wait. */
    private void awaitKeys() {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (keys.resolve(RSA_KID).isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    public void revocation(RevocationCheck check) {
        this.revocation = check;
    }

    public Instant now() {
        return clock.instant();
    }

    /** The header of a good token: {@code alg}, {@code typ: at+jwt} and {@code kid}. */
    public static JsonObjectBuilder header(String alg, String kid) {
        return Json.createObjectBuilder().add("alg", alg).add("typ", "at+jwt").add("kid", kid);
    }

    /** The claims of a good token, issued now and expiring in 15 minutes. */
    public JsonObjectBuilder claims() {
        long now = now().getEpochSecond();
        return Json.createObjectBuilder()
                .add("iss", config.issuer().toString())
                .add("sub", "alice")
                .add("aud", TestConfig.AUDIENCE)
                .add("iat", now)
                .add("nbf", now)
                .add("exp", now + TTL.toSeconds())
                .add("jti", "jti-1")
                .add("rid", "rid-1")
                .add("client_id", "web")
                .add("groups", Json.createArrayBuilder().add("user").add("staff"));
    }

    /** A good RS256 token. */
    public String rs256() {
        return rs256(claims().build().toString());
    }

    public String rs256(String claimsJson) {
        return signed(header("RS256", RSA_KID).build().toString(), claimsJson, RSA.getPrivate(), "SHA256withRSA");
    }

    /** A good ES256 token. */
    public String es256() {
        return signed(header("ES256", EC_KID).build().toString(), claims().build().toString(), EC.getPrivate(),
                "SHA256withECDSAinP1363Format");
    }

    /**
     * A good RS256 access token of {@code alice} for {@code issuer} and {@link TestConfig#AUDIENCE}, issued now on
     * the wall clock and valid for 5 minutes, with a fresh {@code jti}, the {@code rid} {@code rid-1} and
     * {@code groups}: for tests of a running verifier, whose clock is the system's.
     */
    public static String accessToken(Object issuer, String kid, PrivateKey key, List<String> groups) {
        long now = Instant.now().getEpochSecond();
        JsonArrayBuilder groupArray = Json.createArrayBuilder();
        groups.forEach(groupArray::add);
        String claims = Json.createObjectBuilder().add("iss", issuer.toString()).add("sub", "alice")
                .add("aud", TestConfig.AUDIENCE).add("iat", now).add("exp", now + 300)
                .add("jti", "j-" + UUID.randomUUID()).add("rid", "rid-1").add("groups", groupArray)
                .build().toString();
        return signed(header("RS256", kid).build().toString(), claims, key, "SHA256withRSA");
    }

    /** Signs raw header and claims JSON with the RSA test key, whatever the header says. */
    public static String signedWithRsa(String headerJson, String claimsJson) {
        return signed(headerJson, claimsJson, RSA.getPrivate(), "SHA256withRSA");
    }

    public static String signed(String headerJson, String claimsJson, PrivateKey key, String jdkAlgorithm) {
        String input = b64(headerJson) + "." + b64(claimsJson);
        try {
            Signature signature = Signature.getInstance(jdkAlgorithm);
            signature.initSign(key);
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            byte[] signed = signature.sign();
            return input + "." + b64(key instanceof ECPrivateKey ec ? lowS(signed, ec.getParams().getOrder()) : signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JDK signs with the high s half of the time; Rotor accepts only the low one (s ≤ n/2). */
    public static byte[] lowS(byte[] p1363, BigInteger order) {
        int half = p1363.length / 2;
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(p1363, half, p1363.length));
        return s.compareTo(order.shiftRight(1)) <= 0 ? p1363 : withS(p1363, order.subtract(s));
    }

    /** The signature with its s replaced, e.g. by n - s. */
    public static byte[] withS(byte[] p1363, BigInteger s) {
        int half = p1363.length / 2;
        byte[] out = p1363.clone();
        byte[] bytes = s.toByteArray();
        Arrays.fill(out, half, out.length, (byte) 0);
        int length = Math.min(bytes.length, half);
        System.arraycopy(bytes, bytes.length - length, out, out.length - length, length);
        return out;
    }

    public static String b64(String text) {
        return b64(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public void close() {
        keys.close();
        server.close();
    }
}
