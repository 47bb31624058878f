package dev.rotor.issuer.keys.entity;

import dev.rotor.filter.protocol.JwsAlgorithm;
import com.auth0.jwt.algorithms.Algorithm;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Serializable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The private key must not be reachable from any public surface: no getter, no serialization, no text. */
class PrivateKeyExposureTest {

    private static final Set<String> PRIVATE_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "k", "oth");

    @Test
    void noPublicMethodOfTheIssuerReturnsPrivateKeyMaterial() throws Exception {
        List<String> offenders = new ArrayList<>();
        List<Class<?>> classes = issuerClasses();
        assertTrue(classes.size() > 100, "the scan must see the issuer's classes, saw " + classes.size());
        assertTrue(classes.contains(SigningKey.class) && classes.contains(dev.rotor.issuer.keys.control.KeyRing.class));
        for (Class<?> type : classes) {
            for (Method method : type.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers()) && Modifier.isPublic(type.getModifiers())
                        && exposesKeyMaterial(method.getReturnType())) {
                    offenders.add(type.getName() + "#" + method.getName());
                }
            }
        }
        assertTrue(offenders.isEmpty(), "public methods exposing key material: " + offenders);
    }

    @Test
    void keysCannotBeSerialized() {
        assertFalse(Serializable.class.isAssignableFrom(SigningKey.class));
        assertFalse(Serializable.class.isAssignableFrom(PublicKeyInfo.class));
    }

    @Test
    void textAndJwkOfASigningKeyCarryNoPrivatePart() throws Exception {
        KeyPair pair = KeyPairs.generate(JwsAlgorithm.RS256);
        SigningKey key = SigningKey.of(JwsAlgorithm.RS256, pair, Instant.now());
        RSAPrivateCrtKey secret = (RSAPrivateCrtKey) pair.getPrivate();

        String everything = key + " " + key.publicKey() + " " + key.publicKey().jwk();
        for (BigInteger part : List.of(secret.getPrivateExponent(), secret.getPrimeP(), secret.getPrimeQ())) {
            assertFalse(everything.contains(base64url(part)), "private part leaked as base64url");
            assertFalse(everything.contains(part.toString()), "private part leaked as decimal");
            assertFalse(everything.contains(part.toString(16)), "private part leaked as hex");
        }
        assertTrue(key.publicKey().jwk().keySet().stream().noneMatch(PRIVATE_MEMBERS::contains));
        assertEquals(Set.of("kty", "kid", "use", "alg", "n", "e"), key.publicKey().jwk().keySet());
    }

    private static boolean exposesKeyMaterial(Class<?> returned) {
        return Key.class.isAssignableFrom(returned) && !java.security.PublicKey.class.isAssignableFrom(returned)
                || KeyPair.class.isAssignableFrom(returned)
                || Algorithm.class.isAssignableFrom(returned)
                || java.security.KeyStore.class.isAssignableFrom(returned);
    }

    private static List<Class<?>> issuerClasses() throws IOException, URISyntaxException {
        Path root = Path.of(SigningKey.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(root.resolve("dev/rotor/issuer"))) {
            return files.filter(file -> file.toString().endsWith(".class"))
                    .map(file -> root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .map(PrivateKeyExposureTest::load)
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, PrivateKeyExposureTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    private static String base64url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
