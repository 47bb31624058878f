package dev.rotor.issuer.keys.control;

import dev.rotor.issuer.availability.SigningUnavailableException;
import dev.rotor.issuer.keys.entity.KeyStatus;
import dev.rotor.issuer.keys.entity.PublishedKey;
import dev.rotor.issuer.keys.entity.SigningKey;
import dev.rotor.issuer.secrets.RandomTokens;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * This instance's keys, all in RAM: the one that signs, the next one (published, not yet signing), and the retired
 * ones still published. The signing key and its {@code kid} are one object, swapped atomically with the next key,
 * so a token is never signed by one key and labelled with another.
 */
@ApplicationScoped
public class KeyRing {

    private static final int INSTANCE_ID_BYTES = 9;

    private final String instance = RandomTokens.base64url(INSTANCE_ID_BYTES);
    private final List<PublishedKey> retired = new CopyOnWriteArrayList<>();
    private volatile Keys keys;

    /** The id of this issuer instance, made at start; every key it publishes names it. */
    public String instance() {
        return instance;
    }

    /** The key that signs now. */
    public SigningKey active() {
        return current().orElseThrow(SigningUnavailableException::new);
    }

    public Optional<SigningKey> current() {
        Keys current = keys;
        return current == null ? Optional.empty() : Optional.of(current.active());
    }

    /** The key that signs after the next rotation. */
    public Optional<SigningKey> next() {
        Keys current = keys;
        return current == null ? Optional.empty() : Optional.of(current.next());
    }

    /**
     * Makes {@code active} the signing key and {@code next} the one after it. Call it only once both are published.
     * A key that signed until now is kept as public information only; its private key is dropped with it.
     */
    public synchronized void install(SigningKey active, SigningKey next, Instant now, KeyLifetimes lifetimes) {
        retiring(active, now, lifetimes).ifPresent(retired::add);
        keys = new Keys(active, next, now);
    }

    /** Every key of this instance that must be published at {@code now}, with its expiry. */
    public List<PublishedKey> publication(Instant now, KeyLifetimes lifetimes) {
        Keys current = keys;
        return current == null ? publication(List.of(), now) : publication(current, List.of(), now, lifetimes);
    }

    /** What {@link #publication} will be once {@link #install} has made {@code active} and {@code next} current. */
    public List<PublishedKey> publicationAfter(SigningKey active, SigningKey next, Instant now,
                                               KeyLifetimes lifetimes) {
        return publication(new Keys(active, next, now), retiring(active, now, lifetimes).stream().toList(), now, lifetimes);
    }

    private List<PublishedKey> publication(Keys current, List<PublishedKey> retiring, Instant now,
                                           KeyLifetimes lifetimes) {
        List<PublishedKey> published = new ArrayList<>();
        published.add(live(current.active(), KeyStatus.ACTIVE, now, lifetimes));
        published.add(live(current.next(), KeyStatus.NEXT, now, lifetimes));
        published.addAll(retiring);
        return publication(published, now);
    }

    private List<PublishedKey> publication(List<PublishedKey> live, Instant now) {
        retired.removeIf(key -> !key.expiresAt().isAfter(now));
        List<PublishedKey> published = new ArrayList<>(live);
        published.addAll(retired);
        return List.copyOf(published);
    }

    /** The signing key, as a retired one, if {@code replacement} takes over from it. */
    private Optional<PublishedKey> retiring(SigningKey replacement, Instant now, KeyLifetimes lifetimes) {
        return current().filter(active -> !active.kid().equals(replacement.kid()))
                .map(active -> new PublishedKey(active.publicKey(), KeyStatus.RETIRED, instance, now,
                        lifetimes.retiredExpiry(now), lifetimes.tokenLifetime()));
    }

    private PublishedKey live(SigningKey key, KeyStatus status, Instant now, KeyLifetimes lifetimes) {
        return new PublishedKey(key.publicKey(), status, instance, null, lifetimes.activeExpiry(now),
                lifetimes.tokenLifetime());
    }

    /** When the current signing key started to sign; empty before the first. */
    public Optional<Instant> activeSince() {
        Keys current = keys;
        return current == null ? Optional.empty() : Optional.of(current.activatedAt());
    }

    private record Keys(SigningKey active, SigningKey next, Instant activatedAt) {
    }
}
