package dev.rotor.issuer.sessions.control;

import dev.rotor.filter.redis.RedisConnections;
import dev.rotor.issuer.availability.RedisCalls;
import dev.rotor.issuer.availability.RedisUnavailableException.Store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Runs {@link SessionScripts} with their common arguments; an unreachable Redis is a {@code RedisUnavailableException}. */
final class SessionStore {


    private final RedisConnections redis;
    private final SessionKeys keys;
    private final SessionLifetimes lifetimes;

    SessionStore(RedisConnections redis, SessionKeys keys, SessionLifetimes lifetimes) {
        this.redis = redis;
        this.keys = keys;
        this.lifetimes = lifetimes;
    }

    /** The script's reply, a list of strings (see {@link SessionScripts}). */
    @SuppressWarnings("unchecked")
    List<String> run(String script, List<String> scriptKeys, Instant now, String... extra) {
        List<String> args = new ArrayList<>(List.of(keys.base(), Long.toString(now.toEpochMilli()),
                Long.toString(lifetimes.idle().toMillis()), Long.toString(lifetimes.absolute().toMillis())));
        args.addAll(List.of(extra));
        return call(() -> (List<String>) redis.client().eval(script, scriptKeys, args));
    }

    /** subject, clientId, createdAt, lastUsedAt of a session; {@code null}s when it is gone. */
    List<String> fields(String rid) {
        return call(() -> redis.client().hmget(keys.session(rid), "subject", "clientId", "createdAt", "lastUsedAt"));
    }

    boolean exists(String rid) {
        return call(() -> redis.client().exists(keys.session(rid)));
    }

    /** rid and state ({@code current} or {@code used}) of a refresh-token hash; {@code null}s when unknown. */
    List<String> refreshRecord(String hash) {
        return call(() -> redis.client().hmget(keys.refresh(hash), "rid", "state"));
    }

    /** The rids of the sessions linked to the browser session {@code sid}. */
    java.util.Set<String> linked(String sid) {
        return call(() -> redis.client().smembers(keys.linked(sid)));
    }

    /** The JSON array of a session's groups, or {@code null}. */
    String groups(String rid) {
        return call(() -> redis.client().hget(keys.session(rid), "groups"));
    }

    private static <T> T call(Supplier<T> call) {
        return RedisCalls.call(Store.SESSIONS, call);
    }
}
