package dev.rotor.issuer.keys.entity;

import com.auth0.jwt.algorithms.Algorithm;
import dev.rotor.filter.protocol.JwsAlgorithm;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LowSEcdsaSignerTest {

    private static final byte[] HEADER = "{\"alg\":\"ES256\"}".getBytes(StandardCharsets.UTF_8);

    private final KeyPair pair = KeyPairs.generate(JwsAlgorithm.ES256);
    private final BigInteger order = ((ECPublicKey) pair.getPublic()).getParams().getOrder();
    private final Algorithm plain = Algorithm.ECDSA256((ECPublicKey) pair.getPublic(), (ECPrivateKey) pair.getPrivate());
    private final LowSEcdsaSigner signer = new LowSEcdsaSigner(plain, order);

    LowSEcdsaSignerTest() throws GeneralSecurityException {
    }

    @Test
    void everySignatureIsLowSAndStillVerifies() throws GeneralSecurityException {
        int highFromTheJdk = 0;
        for (int i = 0; i < 200; i++) {
            byte[] payload = ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8);
            highFromTheJdk += s(plain.sign(HEADER, payload)).compareTo(order.shiftRight(1)) > 0 ? 1 : 0;

            byte[] signature = signer.sign(HEADER, payload);

            assertEquals(64, signature.length);
            assertTrue(s(signature).compareTo(order.shiftRight(1)) <= 0, "s above n/2");
            assertTrue(verifies(payload, signature));
        }
        assertTrue(highFromTheJdk > 0, "the JDK alone signs high-s some of the time, which is why this class exists");
    }

    @Test
    void aHighSIsReplacedByItsTwinAndALowOneIsKept() {
        byte[] low = new byte[64];
        low[31] = 7;
        low[63] = 5;
        byte[] high = Arrays.copyOf(low, 64);
        byte[] twin = order.subtract(BigInteger.valueOf(5)).toByteArray();
        System.arraycopy(twin, twin.length - 32, high, 32, 32);

        assertArrayEquals(low, signer.lowS(low));
        assertArrayEquals(low, signer.lowS(high));
    }

    @Test
    void itNamesItselfAsJavaJwtsEs256() {
        assertEquals("ES256", signer.getName());
        assertEquals(plain.getSigningKeyId(), signer.getSigningKeyId());
    }

    private boolean verifies(byte[] payload, byte[] signature) throws GeneralSecurityException {
        Signature jdk = Signature.getInstance("SHA256withECDSAinP1363Format");
        jdk.initVerify(pair.getPublic());
        jdk.update(HEADER);
        jdk.update((byte) '.');
        jdk.update(payload);
        return jdk.verify(signature);
    }

    private static BigInteger s(byte[] signature) {
        return new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
    }
}
