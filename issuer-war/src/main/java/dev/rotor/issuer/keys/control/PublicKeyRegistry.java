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
     * Every key, of any instance, that has not expired at {@code now}.
     *
     * @throws RedisUnavailableException when the registry cannot be read
     */
    List<PublishedKey> live(Instant now);
}
