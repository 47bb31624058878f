package dev.rotor.issuer.keys.control;

import dev.rotor.issuer.availability.RedisUnavailableException;
import dev.rotor.issuer.keys.entity.PublishedKey;

import java.time.Instant;
import java.util.List;

/** The shared list of every live instance's public keys. */
public interface PublicKeyRegistry {

    /**
     * Publishes or renews {@code keys}, each until its own expiry.
     *
     * @throws RedisUnavailableException when the registry cannot be written
     */
    void publish(List<PublishedKey> keys, Instant now);

    /**
     * Gives back, each until its own expiry, those of {@code keys} that the registry does not hold (it lost its
     * data) and that have not expired; a key it holds is left as it is. Each one given back is announced.
     *
     * @return how many were given back
     * @throws RedisUnavailableException when the registry cannot be written
     */
    int restore(List<PublishedKey> keys, Instant now);

    /**
     * Every key, of any instance, that has not expired at {@code now}.
     *
     * @throws RedisUnavailableException when the registry cannot be read
     */
    List<PublishedKey> live(Instant now);
}
