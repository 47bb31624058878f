package dev.rotor.filter.verification;

import dev.rotor.testsupport.TestKeys;
import dev.rotor.testsupport.TokenFixture;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import static dev.rotor.testsupport.TokenFixture.b64;

/**
 * Writes the fuzz tests' seed corpus and the public keys it is signed with. Run it once from the module directory
 * ({@code java -cp target/test-classes:... dev.rotor.filter.verification.FuzzSeeds}); the private keys exist only
 * in that run's memory. Every finding of issue 11 is a seed, so {@code mvn verify} replays each one.
 */
final class FuzzSeeds {

    private static final Path RESOURCES = Path.of("src/test/resources/dev/rotor/filter");
    private static final String HUGE = "1".repeat(1200);

    private FuzzSeeds() {
    }

    public static void main(String[] args) throws IOException {
        KeyPair rsa = TestKeys.rsa();
        KeyPair ec = TestKeys.ecP256();
        String jwks = TestKeys.jwks(TestKeys.jwk("fuzz-rsa", rsa), TestKeys.jwk("fuzz-ec", ec));
        Files.writeString(RESOURCES.resolve("verification/fuzz-jwks.json"), jwks);

        long now = FuzzVerifier.NOW.getEpochSecond();
        String claims = "{\"iss\":\"" + FuzzVerifier.ISSUER + "\",\"sub\":\"alice\",\"aud\":\"orders\",\"iat\":" + now
                + ",\"nbf\":" + now + ",\"exp\":" + (now + 900) + ",\"jti\":\"j\",\"rid\":\"r\",\"groups\":[\"user\"]}";
        String rsHeader = "{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"fuzz-rsa\"}";
        String esHeader = "{\"alg\":\"ES256\",\"typ\":\"at+jwt\",\"kid\":\"fuzz-ec\"}";
        String rs256 = TokenFixture.signed(rsHeader, claims, rsa.getPrivate(), "SHA256withRSA");
        String es256 = TokenFixture.signed(esHeader, claims, ec.getPrivate(), "SHA256withECDSAinP1363Format");

        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("valid-rs256", rs256);
        tokens.put("valid-es256", es256);
        tokens.put("finding-5-high-s", highS(es256, ec));
        tokens.put("finding-5-spare-bits", spareBits(rs256));
        tokens.put("padded", rs256.replace(".", "==."));
        tokens.put("finding-1-huge-number-header", TokenFixture.signed(rsHeader.replace("}", ",\"x\":" + HUGE + "}"),
                claims, rsa.getPrivate(), "SHA256withRSA"));
        tokens.put("finding-1-huge-number-claims", TokenFixture.signed(rsHeader,
                claims.replace("\"exp\":" + (now + 900), "\"exp\":" + HUGE), rsa.getPrivate(), "SHA256withRSA"));
        tokens.put("huge-exponent-claims", TokenFixture.signed(rsHeader, claims.replace("}", ",\"x\":1e999999999}"),
                rsa.getPrivate(), "SHA256withRSA"));
        tokens.put("revoked", TokenFixture.signed(rsHeader, claims.replace("\"rid\":\"r\"", "\"rid\":\"revoked\""),
                rsa.getPrivate(), "SHA256withRSA"));
        tokens.put("alg-none", b64("{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"fuzz-rsa\"}") + "." + b64(claims) + ".");
        tokens.put("hs256", b64("{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"kid\":\"fuzz-rsa\"}") + "." + b64(claims) + ".c2ln");
        tokens.put("unknown-kid", b64(rsHeader.replace("fuzz-rsa", "nope")) + "." + b64(claims) + ".c2ln");
        tokens.put("crit", b64(rsHeader.replace("}", ",\"crit\":[\"x\"]}")) + "." + b64(claims) + ".c2ln");
        tokens.put("deep", b64(rsHeader.replace("}", ",\"x\":" + "[".repeat(50) + "]".repeat(50) + "}")) + "."
                + b64(claims) + ".c2ln");
        tokens.put("duplicate-alg", b64(rsHeader.replace("{", "{\"alg\":\"HS256\",")) + "." + b64(claims) + ".c2ln");
        tokens.put("jwe", "a.b.c.d.e");
        tokens.put("dots", "..");
        for (Map.Entry<String, String> token : tokens.entrySet()) {
            seed("verification/TokenVerifierFuzzTestInputs/verifyRawToken", token.getKey(), token.getValue());
        }

        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("valid", rsHeader);
        headers.put("finding-1-huge-integer", rsHeader.replace("}", ",\"x\":" + HUGE + "}"));
        headers.put("finding-1-huge-fraction", rsHeader.replace("}", ",\"x\":0." + HUGE + "}"));
        headers.put("huge-exponent", rsHeader.replace("}", ",\"x\":1e999999999}"));
        headers.put("media-type", esHeader.replace("at+jwt", "application/AT+JWT"));
        headers.put("escaped-kid", rsHeader.replace("fuzz-rsa", "\\u0066uzz\\r\\n"));
        for (Map.Entry<String, String> header : headers.entrySet()) {
            seed("verification/TokenVerifierFuzzTestInputs/parseJoseHeader", header.getKey(), header.getValue());
        }

        Map<String, String> claimSeeds = new LinkedHashMap<>();
        claimSeeds.put("valid", claims);
        claimSeeds.put("finding-1-huge-exp", claims.replace("\"exp\":" + (now + 900), "\"exp\":" + HUGE));
        claimSeeds.put("exp-1e30", claims.replace("\"exp\":" + (now + 900), "\"exp\":1e30"));
        claimSeeds.put("aud-list", claims.replace("\"aud\":\"orders\"", "\"aud\":[\"x\",\"orders\"]"));
        claimSeeds.put("nested", claims.replace("}", ",\"x\":{\"y\":[{\"z\":null}]}}"));
        for (Map.Entry<String, String> claim : claimSeeds.entrySet()) {
            seed("verification/TokenVerifierFuzzTestInputs/readClaims", claim.getKey(), claim.getValue());
        }

        Map<String, String> sets = new LinkedHashMap<>();
        sets.put("valid", jwks);
        sets.put("finding-1-huge-number", jwks.replace("{\"keys\"", "{\"n\":" + HUGE + ",\"keys\""));
        sets.put("private-member", jwks.replace("\"use\":\"sig\"", "\"use\":\"sig\",\"d\":\"AQAB\""));
        sets.put("padded-modulus", jwks.replace("\",\"e\":\"AQAB\"", "==\",\"e\":\"AQAB\""));
        sets.put("wrong-curve", jwks.replace("P-256", "P-384"));
        sets.put("off-curve", jwks.replaceFirst("\"y\":\"(.)", "\"y\":\"A"));
        sets.put("duplicate-kid", TestKeys.jwks(TestKeys.jwk("a", rsa), TestKeys.jwk("a", ec)));
        for (Map.Entry<String, String> set : sets.entrySet()) {
            seed("verification/JwksFuzzTestInputs/parseJwks", set.getKey(), set.getValue());
        }

        Map<String, String> events = new LinkedHashMap<>();
        events.put("rid", "{\"type\":\"rid\",\"value\":\"s1\",\"expiresAt\":1893456000000}");
        events.put("sub", "{\"type\":\"sub\",\"value\":\"alice\",\"notBefore\":1893456000000,\"expiresAt\":1893456900000}");
        events.put("finding-1-huge-number", "{\"type\":\"jti\",\"value\":\"t\",\"expiresAt\":" + "9".repeat(900) + "}");
        events.put("huge-exponent", "{\"type\":\"jti\",\"value\":\"t\",\"expiresAt\":1e999999999}");
        events.put("unknown-member", "{\"type\":\"jti\",\"value\":\"t\",\"expiresAt\":1,\"reason\":{\"a\":[1]}}");
        for (Map.Entry<String, String> event : events.entrySet()) {
            seed("protocol/RevocationEventFuzzTestInputs/parseEvent", event.getKey(), event.getValue());
        }
    }

    private static String highS(String token, KeyPair ec) {
        BigInteger order = ((ECPublicKey) ec.getPublic()).getParams().getOrder();
        byte[] signature = Base64.getUrlDecoder().decode(token.substring(token.lastIndexOf('.') + 1));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
        return token.substring(0, token.lastIndexOf('.') + 1) + b64(TokenFixture.withS(signature, order.subtract(s)));
    }

    /** The same bytes with a non-zero spare bit in the signature's last character. */
    private static String spareBits(String token) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char last = token.charAt(token.length() - 1);
        return token.substring(0, token.length() - 1) + alphabet.charAt(alphabet.indexOf(last) | 1);
    }

    private static void seed(String directory, String name, String content) throws IOException {
        Path dir = RESOURCES.resolve(directory);
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
    }
}
