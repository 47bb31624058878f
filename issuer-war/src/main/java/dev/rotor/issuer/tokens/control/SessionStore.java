package dev.rotor.issuer.tokens.control;

import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Runs {@link SessionScripts} with their common arguments, and turns every Redis failure into one exception. */
final class SessionStore {

    private static final Logger LOG = Logger.getLogger(SessionStore.class.getName());

    private final UnifiedJedis redis;
    private final SessionKeys keys;
    private final SessionLifetimes lifetimes;

    SessionStore(UnifiedJedis redis, SessionKeys keys, SessionLifetimes lifetimes) {
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
        return call(() -> (List<String>) redis.eval(script, scriptKeys, args));
    }

    /** subject, clientId, createdAt, lastUsedAt of a session; {@code null}s when it is gone. */
    List<String> fields(String rid) {
        return call(() -> redis.hmget(keys.session(rid), "subject", "clientId", "createdAt", "lastUsedAt"));
    }

    /** rid and state ({@code current} or {@code used}) of a refresh-token hash; {@code null}s when unknown. */
    List<String> refreshRecord(String hash) {
        return call(() -> redis.hmget(keys.refresh(hash), "rid", "state"));
    }

    private static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (JedisException e) {
            LOG.log(Level.WARNING, "ROTOR-T103 session store unavailable: {0}", e.getClass().getSimpleName());
            throw new SessionStoreUnavailableException(e);
        }
    }
}
