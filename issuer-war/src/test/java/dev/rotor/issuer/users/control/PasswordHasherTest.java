package dev.rotor.issuer.users.control;

import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHasherTest {

    private final CountingPasswordHash counting = new CountingPasswordHash();
    private final PasswordHasher hasher = CountingPasswordHash.cheapHasher(counting);

    @Test
    void productionParametersArePbkdf2Sha256With600000IterationsAndAUniqueSalt() {
        PasswordHasher production = new PasswordHasher(new Pbkdf2PasswordHashImpl());

        String first = production.hash("correct horse".toCharArray());
        String second = production.hash("correct horse".toCharArray());

        String[] parts = first.split(":");
        assertEquals("PBKDF2WithHmacSHA256", parts[0]);
        assertEquals("600000", parts[1]);
        assertEquals(32, java.util.Base64.getDecoder().decode(parts[2]).length, "salt bytes");
        assertEquals(32, java.util.Base64.getDecoder().decode(parts[3]).length, "key bytes");
        assertNotEquals(first, second, "each hash has its own salt");
        assertTrue(production.verify("correct horse".toCharArray(), second));
    }

    @Test
    void verifiesTheRightPasswordOnly() {
        String hash = hasher.hash("s3cret".toCharArray());
        assertTrue(hasher.verify("s3cret".toCharArray(), hash));
        assertFalse(hasher.verify("s3cret ".toCharArray(), hash));
    }

    @Test
    void aMegabytePasswordIsRefusedBeforeAnyHashing() {
        char[] huge = new char[1024 * 1024];
        Arrays.fill(huge, 'a');
        int before = counting.hashingCalls();

        assertThrows(PasswordTooLongException.class, () -> hasher.hash(huge));
        assertThrows(PasswordTooLongException.class, () -> hasher.verify(huge, "PBKDF2WithHmacSHA256:1024:AA==:AA=="));
        assertThrows(PasswordTooLongException.class, () -> hasher.verifyAgainstDummy(huge));

        assertEquals(before, counting.hashingCalls());
    }

    @Test
    void the1024thCharacterIsTheLastAccepted() {
        char[] longest = new char[PasswordHasher.MAX_LENGTH];
        Arrays.fill(longest, 'a');
        assertDoesNotThrow(() -> hasher.hash(longest));
        assertThrows(PasswordTooLongException.class, () -> hasher.hash(Arrays.copyOf(longest, longest.length + 1)));
    }

    @Test
    void emptyPasswordsAreRefused() {
        int before = counting.hashingCalls();
        assertThrows(EmptyPasswordException.class, () -> hasher.hash(new char[0]));
        assertThrows(EmptyPasswordException.class, () -> hasher.hash(null));
        assertThrows(EmptyPasswordException.class, () -> hasher.verifyAgainstDummy(new char[0]));
        assertEquals(before, counting.hashingCalls());
    }

    @Test
    void dummyVerificationCostsOneVerificationAtTheSameParameters() {
        String real = hasher.hash("s3cret".toCharArray());
        int before = counting.verified();

        hasher.verifyAgainstDummy("s3cret".toCharArray());

        assertEquals(before + 1, counting.verified());
        String dummy = counting.verifiedAgainst().get(before);
        assertEquals(CountingPasswordHash.parameters(real), CountingPasswordHash.parameters(dummy),
                "same algorithm and iterations");
        assertEquals(real.length(), dummy.length(), "same salt and key sizes");
    }
}
