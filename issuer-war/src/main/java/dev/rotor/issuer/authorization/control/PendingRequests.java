package dev.rotor.issuer.authorization.control;

import dev.rotor.issuer.authorization.entity.AuthorizationRequest;
import dev.rotor.issuer.authorization.entity.PendingIds;
import dev.rotor.issuer.authorization.entity.Prompt;
import dev.rotor.issuer.availability.RedisCalls;
import dev.rotor.issuer.availability.RedisUnavailableException.Store;
import dev.rotor.issuer.secrets.Digests;
import dev.rotor.issuer.secrets.RandomTokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import dev.rotor.filter.redis.RedisConnections;
import redis.clients.jedis.params.SetParams;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Authorization requests waiting for the user to sign in, held server-side under a random opaque id for
 * {@link #LIFETIME}, so the browser carries only the id through the login page, never parameters it could edit.
 * Redis keeps them under the id's hash.
 */
public final class PendingRequests {

    /** How long a user has to sign in. */
    public static final Duration LIFETIME = Duration.ofMinutes(10);

    private final RedisConnections redis;
    private final String keyPrefix;

    public PendingRequests(RedisConnections redis, String prefix) {
        this.redis = redis;
        this.keyPrefix = prefix + "{authz}:pending:";
    }

    /** @return the id the browser carries to the login page and back */
    public String hold(AuthorizationRequest request) {
        String id = RandomTokens.base64url(PendingIds.BYTES);
        String json = write(request).toString();
        RedisCalls.run(Store.AUTHORIZATION, () -> redis.client().set(key(id), json,
                SetParams.setParams().px(LIFETIME.toMillis())));
        return id;
    }

    public Optional<AuthorizationRequest> find(String id) {
        if (!PendingIds.isValid(id)) {
            return Optional.empty();
        }
        return Optional.ofNullable(RedisCalls.call(Store.AUTHORIZATION, () -> redis.client().get(key(id))))
                .map(PendingRequests::read);
    }

    /** Ends a pending request once it is answered, so its id cannot be used again. */
    public void release(String id) {
        if (PendingIds.isValid(id)) {
            RedisCalls.run(Store.AUTHORIZATION, () -> redis.client().del(key(id)));
        }
    }

    private String key(String id) {
        return keyPrefix + Digests.sha256Base64url(id);
    }

    static JsonObject write(AuthorizationRequest request) {
        var json = Json.createObjectBuilder()
                .add("clientId", request.clientId())
                .add("redirectUri", request.redirectUri())
                .add("scopes", Json.createArrayBuilder(request.scopes()))
                .add("state", request.state())
                .add("prompts", Json.createArrayBuilder(request.prompts().stream().map(Enum::name).toList()))
                .add("requestedAt", request.requestedAt().toEpochMilli());
        if (request.nonce() != null) {
            json.add("nonce", request.nonce());
        }
        if (request.codeChallenge() != null) {
            json.add("challenge", request.codeChallenge());
        }
        if (request.maxAge() != null) {
            json.add("maxAge", request.maxAge().toSeconds());
        }
        return json.build();
    }

    static AuthorizationRequest read(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            JsonObject json = reader.readObject();
            Set<Prompt> prompts = EnumSet.noneOf(Prompt.class);
            json.getJsonArray("prompts").getValuesAs(JsonString::getString).forEach(p -> prompts.add(Prompt.valueOf(p)));
            return new AuthorizationRequest(json.getString("clientId"), json.getString("redirectUri"),
                    json.getJsonArray("scopes").getValuesAs(JsonString::getString).stream().collect(Collectors.toSet()),
                    json.getString("state"), json.getString("nonce", null), json.getString("challenge", null), prompts,
                    json.containsKey("maxAge") ? Duration.ofSeconds(json.getJsonNumber("maxAge").longValue()) : null,
                    Instant.ofEpochMilli(json.getJsonNumber("requestedAt").longValue()));
        }
    }
}
