package dev.rotor.it.support;

import jakarta.json.JsonObject;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What {@code GET /admin/keys} says about every live key of every instance. */
public record PublishedKeys(List<Key> keys) {

    /** One entry; {@code retiredAt} is null unless the key is RETIRED. */
    public record Key(String kid, String state, String instance, Instant expiresAt, Instant retiredAt) {
    }

    public static PublishedKeys read(IssuerClient issuer, String adminToken) {
        HttpResponse<String> response = issuer.get("/admin/keys", adminToken);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET /admin/keys: " + response.statusCode() + " " + response.body());
        }
        return new PublishedKeys(Http.json(response).getJsonArray("keys").getValuesAs(JsonObject.class).stream()
                .map(key -> new Key(key.getString("kid"), key.getString("state"), key.getString("instance"),
                        Instant.parse(key.getString("expiresAt")),
                        key.containsKey("retiredAt") ? Instant.parse(key.getString("retiredAt")) : null))
                .toList());
    }

    public Optional<Key> find(String kid) {
        return keys.stream().filter(key -> key.kid().equals(kid)).findFirst();
    }

    public List<Key> ofInstance(String instance) {
        return keys.stream().filter(key -> key.instance().equals(instance)).toList();
    }

    public List<Key> inState(String state) {
        return keys.stream().filter(key -> key.state().equals(state)).toList();
    }
}
