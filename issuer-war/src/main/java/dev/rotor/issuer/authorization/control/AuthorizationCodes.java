package dev.rotor.issuer.authorization.control;

import dev.rotor.issuer.authorization.entity.CodeBinding;
import dev.rotor.issuer.authorization.entity.Redemption;
import dev.rotor.issuer.availability.RedisCalls;
import dev.rotor.issuer.availability.RedisUnavailableException.Store;
import dev.rotor.issuer.clients.entity.Scopes;
import dev.rotor.issuer.secrets.Digests;
import dev.rotor.issuer.secrets.RandomTokens;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import dev.rotor.filter.redis.RedisConnections;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Authorization codes: 256 random bits, valid for {@link #LIFETIME} and for one redemption. Redis holds only the
 * code's hash and what it stands for ({@link CodeBinding}). Redemption is one Lua script, so of two concurrent
 * redemptions exactly one succeeds; a used code is remembered for {@link #REPLAY_MEMORY}, so a second redemption
 * is recognised and the session the first one opened can be ended.
 */
public final class AuthorizationCodes {

    public static final Duration LIFETIME = Duration.ofSeconds(60);
    public static final Duration REPLAY_MEMORY = Duration.ofMinutes(10);
    static final int CODE_BYTES = 32;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final String[] FIELDS = {"clientId", "redirectUri", "challenge", "nonce", "subject", "authTime",
            "sid", "scope", "groups", "rid"};

    /** KEYS code. ARGV lifetime (ms), then field/value pairs. */
    private static final String ISSUE = """
            redis.call('HSET', KEYS[1], unpack(ARGV, 2))
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            return 1
            """;

    /** KEYS code. ARGV replay memory (ms). Every field is stored non-empty or as '' so no reply has holes. */
    private static final String REDEEM = """
            local c = redis.call('HMGET', KEYS[1], 'state', 'clientId', 'redirectUri', 'challenge', 'nonce',
              'subject', 'authTime', 'sid', 'scope', 'groups', 'rid')
            if not c[1] then return {'unknown'} end
            if c[1] ~= 'issued' then
              redis.call('HSET', KEYS[1], 'state', 'replayed')
              return {'replayed', c[11]}
            end
            redis.call('HSET', KEYS[1], 'state', 'redeemed')
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            return c
            """;

    private final RedisConnections redis;
    private final String keyPrefix;

    public AuthorizationCodes(RedisConnections redis, String prefix) {
        this.redis = redis;
        this.keyPrefix = prefix + "{authz}:code:";
    }

    /** @return the code, to hand to the client once */
    public String issue(CodeBinding binding) {
        String code = RandomTokens.base64url(CODE_BYTES);
        String key = key(code);
        String[] values = {binding.clientId(), binding.redirectUri(),
                binding.codeChallenge() == null ? "" : binding.codeChallenge(),
                binding.nonce() == null ? "" : binding.nonce(), binding.subject(),
                Long.toString(binding.authTime().toEpochMilli()), binding.sid(), Scopes.format(binding.scopes()),
                Json.createArrayBuilder(new TreeSet<>(binding.groups())).build().toString(), binding.rid()};
        List<String> args = new java.util.ArrayList<>(List.of(Long.toString(LIFETIME.toMillis()), "state", "issued"));
        for (int i = 0; i < FIELDS.length; i++) {
            args.add(FIELDS[i]);
            args.add(values[i]);
        }
        RedisCalls.run(Store.AUTHORIZATION, () -> redis.client().eval(ISSUE, List.of(key), args));
        return code;
    }

    @SuppressWarnings("unchecked")
    public Redemption redeem(String code) {
        if (code == null || !SHAPE.matcher(code).matches()) {
            return new Redemption.Unknown();
        }
        List<String> reply = RedisCalls.call(Store.AUTHORIZATION, () -> (List<String>) redis.client().eval(REDEEM,
                List.of(key(code)), List.of(Long.toString(REPLAY_MEMORY.toMillis()))));
        return switch (reply.get(0)) {
            case "issued" -> new Redemption.Redeemed(binding(reply));
            case "replayed" -> new Redemption.Replayed(reply.get(1));
            default -> new Redemption.Unknown();
        };
    }

    /** Whether the code was presented again after it was redeemed: the session it opened must not survive. */
    public boolean wasReplayed(String code) {
        return SHAPE.matcher(code).matches()
                && "replayed".equals(RedisCalls.call(Store.AUTHORIZATION, () -> redis.client().hget(key(code), "state")));
    }

    private static CodeBinding binding(List<String> r) {
        return new CodeBinding(r.get(1), r.get(2), r.get(3).isEmpty() ? null : r.get(3),
                r.get(4).isEmpty() ? null : r.get(4), r.get(5),
                Instant.ofEpochMilli(Long.parseLong(r.get(6))), r.get(7), Set.of(r.get(8).split(" ")),
                groups(r.get(9)), r.get(10));
    }

    private static Set<String> groups(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readArray().getValuesAs(JsonString::getString).stream().collect(Collectors.toSet());
        }
    }

    private String key(String code) {
        return keyPrefix + Digests.sha256Base64url(code);
    }
}
