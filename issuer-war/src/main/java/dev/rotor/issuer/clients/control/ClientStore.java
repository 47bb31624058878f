package dev.rotor.issuer.clients.control;

import dev.rotor.issuer.availability.RedisCalls;
import dev.rotor.issuer.availability.RedisUnavailableException.Store;
import dev.rotor.issuer.clients.entity.Client;
import dev.rotor.issuer.clients.entity.ClientIds;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import dev.rotor.filter.redis.RedisConnections;
import redis.clients.jedis.params.SetParams;

import java.io.StringReader;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Clients registered through the admin API, in Redis: one JSON string per client and a sorted set of their ids.
 * The {@code {clients}} hash tag keeps both on one Cluster slot. Registrations are configuration, so nothing here
 * expires. Every id is validated before it becomes part of a key.
 */
final class ClientStore {

    /** KEYS: client, index. ARGV: id, JSON. Creates the client only if it is absent. */
    private static final String CREATE = """
            if redis.call('SET', KEYS[1], ARGV[2], 'NX') then
              redis.call('ZADD', KEYS[2], 0, ARGV[1])
              return 1
            end
            return 0
            """;

    /** KEYS: client, index. ARGV: id. */
    private static final String DELETE = """
            redis.call('ZREM', KEYS[2], ARGV[1])
            return redis.call('DEL', KEYS[1])
            """;

    private final RedisConnections redis;
    private final String keyPrefix;
    private final String indexKey;

    ClientStore(RedisConnections redis, String prefix) {
        this.redis = redis;
        this.keyPrefix = prefix + "{clients}:client:";
        this.indexKey = prefix + "{clients}:index";
    }

    Optional<Client> find(String clientId) {
        if (!ClientIds.isValid(clientId)) {
            return Optional.empty();
        }
        String json = call(() -> redis.client().get(keyPrefix + clientId));
        return Optional.ofNullable(json).map(ClientStore::parse);
    }

    boolean create(Client client) {
        String json = ClientJson.stored(client).toString();
        Object created = call(() -> redis.client().eval(CREATE, List.of(keyPrefix + client.clientId(), indexKey),
                List.of(client.clientId(), json)));
        return Long.valueOf(1).equals(created);
    }

    /** Replaces a stored client; false if it was not there. */
    boolean replace(Client client) {
        String json = ClientJson.stored(client).toString();
        return "OK".equals(call(() -> redis.client().set(keyPrefix + client.clientId(), json,
                SetParams.setParams().xx())));
    }

    boolean delete(String clientId) {
        if (!ClientIds.isValid(clientId)) {
            return false;
        }
        Object deleted = call(() -> redis.client().eval(DELETE, List.of(keyPrefix + clientId, indexKey), List.of(clientId)));
        return Long.valueOf(1).equals(deleted);
    }

    List<Client> all() {
        List<String> ids = call(() -> redis.client().zrange(indexKey, 0, -1));
        return ids.stream().map(this::find).flatMap(Optional::stream).filter(Objects::nonNull).toList();
    }

    private static Client parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return ClientJson.read(reader.readObject(), null, false);
        }
    }

    private static <T> T call(Supplier<T> command) {
        return RedisCalls.call(Store.CLIENTS, command);
    }
}
