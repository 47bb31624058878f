package dev.rotor.issuer.users.control;

import dev.rotor.filter.redis.RedisConnections;
import dev.rotor.issuer.availability.RedisCalls;
import dev.rotor.issuer.availability.RedisUnavailableException.Store;
import dev.rotor.issuer.configuration.IssuerConfig;
import dev.rotor.issuer.secrets.Digests;
import dev.rotor.issuer.users.entity.Usernames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Counts failed logins in Redis, so the limits hold across every issuer instance: per account (guessing one
 * user's password) and per client address (spraying one password over many accounts). Each counter lives for one
 * window from its first failure. Keys hold the SHA-256 of the username or address, so hostile input cannot shape
 * them. The login code calls {@link #check} before verifying a password, then {@link #recordFailure} or
 * {@link #recordSuccess}.
 */
@ApplicationScoped
public class LoginThrottle {

    /** KEYS: counter. ARGV: window in ms. The TTL is set with the first failure, or mended if it was ever lost. */
    private static final String INCREMENT = """
            local count = redis.call('INCR', KEYS[1])
            if count == 1 or redis.call('PTTL', KEYS[1]) < 0 then
              redis.call('PEXPIRE', KEYS[1], ARGV[1])
            end
            return count
            """;

    private final RedisConnections redis;
    private final String accountPrefix;
    private final String clientPrefix;
    private final ThrottleLimits limits;

    @Inject
    public LoginThrottle(RedisConnections redis, IssuerConfig config, ThrottleLimits limits) {
        this(redis, config.redisNames().prefix(), limits);
    }

    public LoginThrottle(RedisConnections redis, String prefix, ThrottleLimits limits) {
        this.redis = redis;
        this.accountPrefix = prefix + "throttle:user:";
        this.clientPrefix = prefix + "throttle:client:";
        this.limits = limits;
    }

    protected LoginThrottle() {
        this.redis = null;
        this.accountPrefix = null;
        this.clientPrefix = null;
        this.limits = null;
    }

    /** Throws {@link TooManyAttemptsException} when the account or the client has used up its failures. */
    public void check(String username, String clientAddress) {
        Duration account = exhausted(accountKey(username), limits.perAccount());
        Duration client = exhausted(clientKey(clientAddress), limits.perClient());
        Duration retryAfter = account.compareTo(client) >= 0 ? account : client;
        if (!retryAfter.isZero()) {
            throw new TooManyAttemptsException(retryAfter);
        }
    }

    public void recordFailure(String username, String clientAddress) {
        increment(accountKey(username));
        increment(clientKey(clientAddress));
    }

    /** Clears the account's failures. The client's stay, so one good account cannot hide a spray. */
    public void recordSuccess(String username) {
        String key = accountKey(username);
        call(() -> redis.client().del(key));
    }

    /** The time left on the counter when it has reached the limit, else zero. */
    private Duration exhausted(String key, int limit) {
        String count = call(() -> redis.client().get(key));
        if (count == null || Long.parseLong(count) < limit) {
            return Duration.ZERO;
        }
        long ttl = call(() -> redis.client().pttl(key));
        return ttl > 0 ? Duration.ofMillis(ttl) : Duration.ZERO;
    }

    private void increment(String key) {
        String window = Long.toString(limits.window().toMillis());
        call(() -> redis.client().eval(INCREMENT, List.of(key), List.of(window)));
    }

    /** One counter per account, whatever the letter case of the attempt: {@code Alice} and {@code alice} share it. */
    private String accountKey(String username) {
        String account = Usernames.isValid(username) ? Usernames.require(username) : username;
        return accountPrefix + Digests.sha256Hex(account);
    }

    private String clientKey(String clientAddress) {
        return clientPrefix + Digests.sha256Hex(clientAddress);
    }

    private static <T> T call(Supplier<T> command) {
        return RedisCalls.call(Store.LOGIN_THROTTLE, command);
    }
}
