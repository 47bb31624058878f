package dev.rotor.filter.protocol;

import java.util.regex.Pattern;

/**
 * The names of everything Rotor keeps in Redis under one prefix, shared by the issuer that writes and the verifiers
 * that read. Hash tags ({@code {…}}) keep what one Lua script touches on one Redis Cluster slot.
 *
 * @param prefix what every key and channel name starts with, e.g. {@code rotor:}
 */
public record RedisNames(String prefix) {

    /** The default prefix. */
    public static final String DEFAULT_PREFIX = "rotor:";

    /** A prefix holds letters, digits and {@code :_.-}, at most 64 of them, so it can never shape a glob or a key. */
    public static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9:_.-]{1,64}");

    /** @throws IllegalArgumentException if {@code prefix} does not match {@link #PREFIX} */
    public RedisNames {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("a Redis prefix holds only letters, digits and :_.- (at most 64)");
        }
    }

    /** The pub/sub channel that carries revocation events, e.g. {@code rotor:revocations}. */
    public String revocationChannel() {
        return prefix + "revocations";
    }

    /** What every blacklist key starts with, e.g. {@code rotor:revoked:}. */
    public String blacklistPrefix() {
        return prefix + "revoked:";
    }

    /** The blacklist key of one revocation, e.g. {@code rotor:revoked:rid:…}. */
    public String blacklistKey(RevocationEvent.Type type, String value) {
        return blacklistPrefix() + type.wireName() + ":" + value;
    }

    /**
     * The epoch marker: a random value kept without TTL on every master ({@code RedisConnections#keyOnEachMaster}),
     * so a node that finds it gone or changed knows that Redis lost its data.
     */
    public String epochMarker() {
        return prefix + "epoch";
    }

    /** The sorted set of published key ids, scored by expiry in epoch milliseconds. */
    public String keyExpiries() {
        return prefix + "{jwks}:expiry";
    }

    /** The hash of published key id → key record JSON. */
    public String keyRecords() {
        return prefix + "{jwks}:keys";
    }
}
