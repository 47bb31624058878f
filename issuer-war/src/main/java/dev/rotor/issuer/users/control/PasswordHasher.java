package dev.rotor.issuer.users.control;

import dev.rotor.issuer.secrets.RandomTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

import java.util.Map;

/**
 * Hashes and verifies passwords with the server's {@link Pbkdf2PasswordHash}, set once to PBKDF2-HMAC-SHA256 with
 * 600,000 iterations, a 32-byte salt and a 32-byte key (OWASP 2023). Empty and over-long passwords are refused
 * before any hashing, so a 1 MB password costs nothing.
 */
@ApplicationScoped
public class PasswordHasher {

    public static final int MAX_LENGTH = 1024;
    static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    static final int ITERATIONS = 600_000;

    private final Pbkdf2PasswordHash hash;
    private final String dummyHash;

    @Inject
    public PasswordHasher(Pbkdf2PasswordHash hash) {
        this(hash, ITERATIONS);
    }

    /** For tests, which cannot afford 600,000 iterations on every hash. */
    PasswordHasher(Pbkdf2PasswordHash hash, int iterations) {
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", ALGORITHM,
                "Pbkdf2PasswordHash.Iterations", Integer.toString(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        this.hash = hash;
        this.dummyHash = hash.generate(randomPassword());
    }

    protected PasswordHasher() {
        this.hash = null;
        this.dummyHash = null;
    }

    /** A new hash with a fresh salt, in the {@code algorithm:iterations:salt:hash} form of Jakarta Security. */
    public String hash(char[] password) {
        requireAcceptable(password);
        return hash.generate(password);
    }

    public boolean verify(char[] password, String storedHash) {
        requireAcceptable(password);
        return hash.verify(password, storedHash);
    }

    /** Costs what {@link #verify} costs, for a user who does not exist, so timing does not tell. */
    public void verifyAgainstDummy(char[] password) {
        requireAcceptable(password);
        hash.verify(password, dummyHash);
    }

    private static void requireAcceptable(char[] password) {
        if (password == null || password.length == 0) {
            throw new EmptyPasswordException();
        }
        if (password.length > MAX_LENGTH) {
            throw new PasswordTooLongException();
        }
    }

    private static char[] randomPassword() {
        return RandomTokens.base64url(24).toCharArray();
    }
}
