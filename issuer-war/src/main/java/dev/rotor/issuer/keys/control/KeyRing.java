package dev.rotor.issuer.keys.control;

import dev.rotor.issuer.availability.SigningUnavailableException;
import dev.rotor.issuer.keys.entity.KeyStatus;
import dev.rotor.issuer.keys.entity.PublishedKey;
import dev.rotor.issuer.keys.entity.SigningKey;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * This instance's keys: the one that signs, and the retired ones still published. The active key and its
 * {@code kid} are one object, swapped atomically, so a token is never signed by one key and labelled with another.
 */
@ApplicationScoped
public class KeyRing {

    private final AtomicReference<SigningKey> active = new AtomicReference<>();
    private final List<PublishedKey> retired = new CopyOnWriteArrayList<>();

    /** The key that signs now. */
    public SigningKey active() {
        SigningKey key = active.get();
        if (key == null) {
            throw new SigningUnavailableException();
        }
        return key;
    }

    public Optional<SigningKey> current() {
        return Optional.ofNullable(active.get());
    }

    /**
     * Makes {@code next} the signing key. Call it only after {@code next} is published. The previous key is kept
     * as public information only; its private key is dropped with the previous {@link SigningKey}.
     */
    public void activate(SigningKey next, Instant now, KeyLifetimes lifetimes) {
        SigningKey previous = active.getAndSet(next);
        if (previous != null) {
            retired.add(new PublishedKey(previous.publicKey(), KeyStatus.RETIRED, now, lifetimes.retiredExpiry(now)));
        }
    }

    /** Every key of this instance that must be published at {@code now}, with its expiry. */
    public List<PublishedKey> publication(Instant now, KeyLifetimes lifetimes) {
        retired.removeIf(key -> !key.expiresAt().isAfter(now));
        List<PublishedKey> keys = new ArrayList<>(retired);
        current().ifPresent(key -> keys.add(0,
                new PublishedKey(key.publicKey(), KeyStatus.ACTIVE, null, lifetimes.activeExpiry(now))));
        return List.copyOf(keys);
    }
}
