package dev.rotor.issuer.users.control;

import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** The Soteria {@link Pbkdf2PasswordHash}, counting its calls and remembering the hashes it verified against. */
final class CountingPasswordHash implements Pbkdf2PasswordHash {

    /** The lowest count Soteria accepts: cheap enough for every test but the one of the production parameters. */
    static final int TEST_ITERATIONS = 1024;

    private final Pbkdf2PasswordHash delegate = new Pbkdf2PasswordHashImpl();
    private final AtomicInteger generated = new AtomicInteger();
    private final List<String> verifiedAgainst = new CopyOnWriteArrayList<>();

    static PasswordHasher cheapHasher(CountingPasswordHash hash) {
        return new PasswordHasher(hash, TEST_ITERATIONS);
    }

    /** The {@code algorithm:iterations} part of a stored hash. */
    static String parameters(String hash) {
        return hash.substring(0, hash.indexOf(':', hash.indexOf(':') + 1));
    }

    @Override
    public void initialize(Map<String, String> parameters) {
        delegate.initialize(parameters);
    }

    @Override
    public String generate(char[] password) {
        generated.incrementAndGet();
        return delegate.generate(password);
    }

    @Override
    public boolean verify(char[] password, String hashedPassword) {
        verifiedAgainst.add(hashedPassword);
        return delegate.verify(password, hashedPassword);
    }

    int generated() {
        return generated.get();
    }

    int verified() {
        return verifiedAgainst.size();
    }

    int hashingCalls() {
        return generated() + verified();
    }

    List<String> verifiedAgainst() {
        return List.copyOf(verifiedAgainst);
    }
}
