package dev.rotor.filter.verification;

import dev.rotor.filter.verification.TokenRejectedException.Reason;
import dev.rotor.testsupport.TestKeys;
import dev.rotor.testsupport.TokenFixture;
import jakarta.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import static dev.rotor.filter.verification.Rejections.rejectedAs;
import static dev.rotor.testsupport.TokenFixture.b64;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** alg none, signature tampering, key confusion, psychic signatures, alg↔key binding and header-supplied keys. */
class AlgorithmAttacksTest {

    private final TokenFixture fixture = new TokenFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    private String unsigned(String headerJson) {
        return b64(headerJson) + "." + b64(fixture.claims().build().toString());
    }

    @Test
    void algNoneInAnySpellingIsRejected() {
        List<String> headers = new ArrayList<>();
        for (String alg : List.of("none", "None", "NONE", "nOnE", "")) {
            headers.add(TokenFixture.header(alg, TokenFixture.RSA_KID).build().toString());
        }
        headers.add("{\"alg\":null,\"typ\":\"at+jwt\",\"kid\":\"rsa-1\"}");
        headers.add("{\"typ\":\"at+jwt\",\"kid\":\"rsa-1\"}");
        for (String header : headers) {
            rejectedAs(fixture, unsigned(header) + ".", Reason.MALFORMED);
            rejectedAs(fixture, unsigned(header), Reason.MALFORMED);
            rejectedAs(fixture, unsigned(header) + "." + b64("sig"), Reason.ALGORITHM_NOT_ALLOWED);
        }
    }

    @Test
    void tamperedSignaturesAreRejectedAndTheOriginalStillWorks() {
        String token = fixture.rs256();
        String input = token.substring(0, token.lastIndexOf('.') + 1);
        byte[] signature = Base64.getUrlDecoder().decode(token.substring(token.lastIndexOf('.') + 1));
        byte[] flipped = signature.clone();
        flipped[100] ^= 0x01;
        byte[] truncated = Arrays.copyOf(signature, signature.length - 1);

        rejectedAs(fixture, input, Reason.MALFORMED);
        rejectedAs(fixture, input + b64(truncated), Reason.BAD_SIGNATURE);
        rejectedAs(fixture, input + b64(flipped), Reason.BAD_SIGNATURE);

        assertEquals("alice", fixture.verifier.verify(token).subject());
    }

    @Test
    void tamperedClaimsAreRejected() {
        String token = fixture.rs256();
        String[] parts = token.split("\\.");
        String admin = b64(fixture.claims().add("groups", Json.createArrayBuilder().add("rotor-admin")).build().toString());

        rejectedAs(fixture, parts[0] + "." + admin + "." + parts[2], Reason.BAD_SIGNATURE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"HS256", "HS384", "HS512"})
    void hmacSignedWithThePublicKeyIsRejected(String alg) throws GeneralSecurityException {
        byte[] der = TokenFixture.RSA.getPublic().getEncoded();
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END PUBLIC KEY-----";
        List<byte[]> secrets = List.of(
                pem.getBytes(StandardCharsets.US_ASCII),
                (pem + "\n").getBytes(StandardCharsets.US_ASCII),
                der,
                TestKeys.jwk(TokenFixture.RSA_KID, TokenFixture.RSA).getBytes(StandardCharsets.UTF_8),
                new byte[1]);
        String input = unsigned(TokenFixture.header(alg, TokenFixture.RSA_KID).build().toString());
        for (byte[] secret : secrets) {
            rejectedAs(fixture, input + "." + b64(hmac(alg, secret, input)), Reason.ALGORITHM_NOT_ALLOWED);
        }
    }

    /** HMAC pads short keys with zeros, so the one-zero-byte key signs exactly like the empty key "". */
    private static byte[] hmac(String alg, byte[] secret, String input) throws GeneralSecurityException {
        String name = "HmacSHA" + alg.substring(2);
        Mac mac = Mac.getInstance(name);
        mac.init(new SecretKeySpec(secret, name));
        return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void psychicEcdsaSignaturesAreRejected() {
        BigInteger order = ((ECPublicKey) TokenFixture.EC.getPublic()).getParams().getOrder();
        byte[] n = fixed32(order);
        byte[] rIsN = new byte[64];
        System.arraycopy(n, 0, rIsN, 0, 32);
        System.arraycopy(n, 0, rIsN, 32, 32);
        byte[] zeroR = fixture.es256().transform(this::signatureOf);
        Arrays.fill(zeroR, 0, 32, (byte) 0);
        String input = unsigned(TokenFixture.header("ES256", TokenFixture.EC_KID).build().toString()) + ".";

        rejectedAs(fixture, input + b64(new byte[64]), Reason.BAD_SIGNATURE);
        rejectedAs(fixture, input + b64(rIsN), Reason.BAD_SIGNATURE);
        rejectedAs(fixture, input + b64(zeroR), Reason.BAD_SIGNATURE);
        rejectedAs(fixture, input + b64(new byte[8]), Reason.BAD_SIGNATURE);
    }

    private byte[] signatureOf(String token) {
        return Base64.getUrlDecoder().decode(token.substring(token.lastIndexOf('.') + 1));
    }

    private static byte[] fixed32(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] out = new byte[32];
        System.arraycopy(bytes, bytes.length - 32, out, 0, 32);
        return out;
    }

    @Test
    void algorithmMustMatchTheKeyItNames() {
        String claims = fixture.claims().build().toString();
        String es256WithRsaKid = TokenFixture.signed(TokenFixture.header("ES256", TokenFixture.RSA_KID).build().toString(),
                claims, TokenFixture.EC.getPrivate(), "SHA256withECDSAinP1363Format");
        String rs256WithEcKid = TokenFixture.signedWithRsa(
                TokenFixture.header("RS256", TokenFixture.EC_KID).build().toString(), claims);

        rejectedAs(fixture, es256WithRsaKid, Reason.KEY_ALGORITHM_MISMATCH);
        rejectedAs(fixture, rs256WithEcKid, Reason.KEY_ALGORITHM_MISMATCH);
        for (String alg : List.of("PS256", "RS512", "ES256K", "ES384", "EdDSA", "RSA-OAEP")) {
            String token = TokenFixture.signedWithRsa(TokenFixture.header(alg, TokenFixture.RSA_KID).build().toString(),
                    claims);
            rejectedAs(fixture, token, Reason.ALGORITHM_NOT_ALLOWED);
        }
    }

    @Test
    void headerSuppliedKeysAndKeyUrlsAreNeverUsedOrFetched() {
        String claims = fixture.claims().build().toString();
        String attackerJwk = TestKeys.jwk("evil", TokenFixture.ATTACKER_RSA);
        String attackerUrl = fixture.server.uri("/attacker/jwks.json").toString();
        List<String> headers = List.of(
                "{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"rsa-1\",\"jwk\":" + attackerJwk + "}",
                "{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"evil\",\"jwk\":" + attackerJwk + "}",
                "{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"rsa-1\",\"x5c\":[\"MIIBIjANBgkqhkiG9w0BAQ\"]}",
                "{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"rsa-1\",\"jku\":\"" + attackerUrl + "\"}",
                "{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"rsa-1\",\"x5u\":\"" + attackerUrl + "\"}");
        for (String header : headers) {
            String token = TokenFixture.signed(header, claims, TokenFixture.ATTACKER_RSA.getPrivate(), "SHA256withRSA");
            Rejections.rejectedAsOneOf(fixture, token, Reason.BAD_SIGNATURE, Reason.UNKNOWN_KEY);
        }
        String jkuEvil = "{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"evil\",\"jku\":\"" + attackerUrl + "\"}";
        rejectedAs(fixture, TokenFixture.signed(jkuEvil, claims, TokenFixture.ATTACKER_RSA.getPrivate(),
                "SHA256withRSA"), Reason.UNKNOWN_KEY);

        assertEquals(0, fixture.server.otherRequests());
        assertEquals(2, fixture.server.jwksRequests());
    }
}
