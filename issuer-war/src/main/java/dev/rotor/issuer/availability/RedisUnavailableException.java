package dev.rotor.issuer.availability;

import redis.clients.jedis.exceptions.JedisException;

/** Redis could not be reached for one of the issuer's stores. Nothing may be assumed about the outcome. */
public final class RedisUnavailableException extends BackendUnavailableException {

    /** The issuer's data in Redis, by what it is for. */
    public enum Store {
        SESSIONS, USERS, LOGIN_THROTTLE, KEYS, REVOCATIONS, CLIENTS, AUTHORIZATION
    }

    private final Store store;

    RedisUnavailableException(Store store, JedisException cause) {
        super(store.name().toLowerCase(java.util.Locale.ROOT) + " unavailable", cause);
        this.store = store;
    }

    public Store store() {
        return store;
    }

    @Override
    public String backend() {
        return "Redis (" + store + ", " + getCause().getClass().getSimpleName() + ")";
    }
}
