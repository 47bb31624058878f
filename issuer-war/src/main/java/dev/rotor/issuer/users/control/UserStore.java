package dev.rotor.issuer.users.control;

import dev.rotor.filter.redis.RedisConnections;
import dev.rotor.issuer.availability.RedisCalls;
import dev.rotor.issuer.availability.RedisUnavailableException.Store;
import dev.rotor.issuer.configuration.IssuerConfig;
import dev.rotor.issuer.users.entity.GroupNames;
import dev.rotor.issuer.users.entity.Profiles;
import dev.rotor.issuer.users.entity.User;
import dev.rotor.issuer.users.entity.Usernames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The users in Redis: one hash per user ({@code hash}, {@code groups} comma-joined, {@code disabled},
 * {@code passwordChangedAt} in epoch ms) and a sorted set of every username, for listing. Users are an identity
 * store, so nothing here expires. The {@code {users}} hash tag keeps every key on one Cluster slot, so creating a
 * user and listing it happen in one script. Every username is validated before it becomes part of a key.
 */
@ApplicationScoped
public class UserStore {

    /** KEYS: user, index. ARGV: username, then field/value pairs. Creates the user only if it is absent. */
    private static final String CREATE = """
            if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
            redis.call('HSET', KEYS[1], unpack(ARGV, 2))
            redis.call('ZADD', KEYS[2], 0, ARGV[1])
            return 1
            """;

    /** KEYS: user. ARGV: field/value pairs. Updates the user only if it exists, so no partial user is made. */
    private static final String UPDATE = """
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            redis.call('HSET', KEYS[1], unpack(ARGV))
            return 1
            """;

    private final RedisConnections redis;
    private final String keyPrefix;
    private final String indexKey;
    private final PasswordHasher hasher;
    private final Clock clock;

    @Inject
    public UserStore(RedisConnections redis, IssuerConfig config, PasswordHasher hasher, Clock clock) {
        this(redis, config.redisNames().prefix(), hasher, clock);
    }

    public UserStore(RedisConnections redis, String prefix, PasswordHasher hasher, Clock clock) {
        this.redis = redis;
        this.keyPrefix = prefix + "{users}:user:";
        this.indexKey = prefix + "{users}:index";
        this.hasher = hasher;
        this.clock = clock;
    }

    protected UserStore() {
        this.redis = null;
        this.keyPrefix = null;
        this.indexKey = null;
        this.hasher = null;
        this.clock = null;
    }

    public Optional<User> find(String username) {
        String canonical = Usernames.require(username);
        String key = keyOf(canonical);
        Map<String, String> fields = call(() -> redis.client().hgetAll(key));
        return fields.isEmpty() ? Optional.empty() : Optional.of(StoredUser.read(canonical, fields));
    }

    /** Creates the user unless one of that name exists, atomically across instances; false if it existed. */
    public boolean create(String username, char[] password, Set<String> groups) {
        String canonical = Usernames.require(username);
        String key = keyOf(canonical);
        String joinedGroups = StoredUser.joinGroups(GroupNames.require(groups));
        String hash = hasher.hash(password);
        Object created = call(() -> redis.client().eval(CREATE, List.of(key, indexKey), List.of(canonical,
                StoredUser.HASH, hash,
                StoredUser.GROUPS, joinedGroups,
                StoredUser.DISABLED, StoredUser.flag(false),
                StoredUser.PASSWORD_CHANGED_AT, now())));
        return Long.valueOf(1).equals(created);
    }

    public void changePassword(String username, char[] password) {
        String key = keyOf(username);
        String hash = hasher.hash(password);
        update(username, key, StoredUser.HASH, hash, StoredUser.PASSWORD_CHANGED_AT, now());
    }

    public void setGroups(String username, Set<String> groups) {
        String key = keyOf(username);
        update(username, key, StoredUser.GROUPS, StoredUser.joinGroups(GroupNames.require(groups)));
    }

    /** Sets the optional display name and email; {@code null} clears one. */
    public void setProfile(String username, String name, String email) {
        String key = keyOf(username);
        Profiles.require(name, email);
        update(username, key, StoredUser.NAME, name == null ? "" : name, StoredUser.EMAIL, email == null ? "" : email);
    }

    public void setDisabled(String username, boolean disabled) {
        String key = keyOf(username);
        update(username, key, StoredUser.DISABLED, StoredUser.flag(disabled));
    }

    public boolean isEmpty() {
        return call(() -> redis.client().zcard(indexKey)) == 0;
    }

    /** Usernames in lexical order, {@code limit} of them from {@code offset}. */
    public List<String> usernames(long offset, int limit) {
        if (offset < 0 || limit <= 0) {
            return List.of();
        }
        return call(() -> redis.client().zrange(indexKey, offset, offset + limit - 1));
    }

    private void update(String username, String key, String... fieldsAndValues) {
        Object updated = call(() -> redis.client().eval(UPDATE, List.of(key), List.of(fieldsAndValues)));
        if (!Long.valueOf(1).equals(updated)) {
            throw new UnknownUserException(username);
        }
    }

    private String keyOf(String username) {
        return keyPrefix + Usernames.require(username);
    }

    private String now() {
        return Long.toString(clock.millis());
    }

    private static <T> T call(Supplier<T> command) {
        return RedisCalls.call(Store.USERS, command);
    }
}
