package dev.rotor.issuer.users.control;

/** A real {@link PasswordHasher} on Soteria's PBKDF2 at the lowest iteration count it accepts, for other tests. */
public final class TestHashers {

    private TestHashers() {
    }

    public static PasswordHasher cheap() {
        return CountingPasswordHash.cheapHasher(new CountingPasswordHash());
    }
}
