package dev.rotor.issuer.clients.control;

import dev.rotor.issuer.clients.entity.Client;
import dev.rotor.issuer.clients.entity.ClientType;
import dev.rotor.issuer.clients.entity.GrantTypes;
import dev.rotor.issuer.clients.entity.InvalidClientException;
import dev.rotor.issuer.clients.entity.Scopes;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A client as JSON, in the field names of OpenID Connect Dynamic Client Registration: {@code client_id},
 * {@code type} ({@code public} or {@code confidential}), {@code client_secret_sha256} (base64url SHA-256 of the
 * secret), {@code redirect_uris}, {@code post_logout_redirect_uris}, {@code grant_types}, {@code scopes}. The same
 * form is read from configuration and stored in Redis. Reads are strict: a wrong type or an unknown value is an
 * {@link InvalidClientException} that names the field.
 */
public final class ClientJson {

    public static final String CLIENT_ID = "client_id";
    public static final String TYPE = "type";
    public static final String SECRET_HASH = "client_secret_sha256";
    public static final String REDIRECT_URIS = "redirect_uris";
    public static final String POST_LOGOUT_REDIRECT_URIS = "post_logout_redirect_uris";
    public static final String GRANT_TYPES = "grant_types";
    public static final String SCOPES = "scopes";
    public static final String PKCE_REQUIRED = "pkce_required";
    private static final Set<String> FIELDS = Set.of(CLIENT_ID, TYPE, SECRET_HASH, REDIRECT_URIS,
            POST_LOGOUT_REDIRECT_URIS, GRANT_TYPES, SCOPES, PKCE_REQUIRED);
    private static final int MAX_ITEMS = 32;

    private ClientJson() {
    }

    /** @param secretHash the hash to give the client, overriding the JSON's; {@code null} to read it from there */
    public static Client read(JsonObject json, String secretHash, boolean declared) {
        for (String field : json.keySet()) {
            if (!FIELDS.contains(field)) {
                throw new InvalidClientException("unknown field (allowed: " + new java.util.TreeSet<>(FIELDS) + ")");
            }
        }
        ClientType type = type(json);
        String hash = secretHash != null ? secretHash : optionalString(json, SECRET_HASH);
        if (hash != null && !ClientSecrets.isHash(hash)) {
            throw new InvalidClientException(SECRET_HASH + " must be the base64url SHA-256 of the secret (43 characters)");
        }
        return new Client(requiredString(json, CLIENT_ID), type, hash, strings(json, REDIRECT_URIS, List.of()),
                strings(json, POST_LOGOUT_REDIRECT_URIS, List.of()),
                Set.copyOf(strings(json, GRANT_TYPES, List.copyOf(GrantTypes.DEFAULT))),
                Set.copyOf(strings(json, SCOPES, List.copyOf(Scopes.DEFAULT))), declared, pkceRequired(json));
    }

    /** Every field, the secret hash included: for storage only. */
    public static JsonObject stored(Client client) {
        JsonObjectBuilder json = described(client);
        if (client.secretHash() != null) {
            json.add(SECRET_HASH, client.secretHash());
        }
        return json.build();
    }

    /** What an administrator may see: never the secret hash. */
    public static JsonObjectBuilder described(Client client) {
        return Json.createObjectBuilder()
                .add(CLIENT_ID, client.clientId())
                .add(TYPE, client.type().name().toLowerCase(Locale.ROOT))
                .add(REDIRECT_URIS, Json.createArrayBuilder(client.redirectUris()))
                .add(POST_LOGOUT_REDIRECT_URIS, Json.createArrayBuilder(client.postLogoutRedirectUris()))
                .add(GRANT_TYPES, Json.createArrayBuilder(new java.util.TreeSet<>(client.grantTypes())))
                .add(SCOPES, Json.createArrayBuilder(new java.util.TreeSet<>(client.scopes())))
                .add(PKCE_REQUIRED, client.pkceRequired());
    }

    private static boolean pkceRequired(JsonObject json) {
        JsonValue value = json.get(PKCE_REQUIRED);
        if (value == null || value == JsonValue.NULL || value == JsonValue.TRUE) {
            return true;
        }
        if (value == JsonValue.FALSE) {
            return false;
        }
        throw new InvalidClientException(PKCE_REQUIRED + " must be true or false");
    }

    private static ClientType type(JsonObject json) {
        String type = optionalString(json, TYPE);
        if (type == null || type.equals("confidential")) {
            return ClientType.CONFIDENTIAL;
        }
        if (type.equals("public")) {
            return ClientType.PUBLIC;
        }
        throw new InvalidClientException(TYPE + " must be public or confidential");
    }

    private static String requiredString(JsonObject json, String field) {
        String value = optionalString(json, field);
        if (value == null) {
            throw new InvalidClientException(field + " is required");
        }
        return value;
    }

    private static String optionalString(JsonObject json, String field) {
        JsonValue value = json.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw new InvalidClientException(field + " must be a string");
        }
        return ((JsonString) value).getString();
    }

    private static List<String> strings(JsonObject json, String field, List<String> defaultValue) {
        JsonValue value = json.get(field);
        if (value == null || value == JsonValue.NULL) {
            return defaultValue;
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY || ((JsonArray) value).size() > MAX_ITEMS) {
            throw new InvalidClientException(field + " must be an array of at most " + MAX_ITEMS + " strings");
        }
        List<String> strings = new ArrayList<>();
        for (JsonValue item : (JsonArray) value) {
            if (item.getValueType() != JsonValue.ValueType.STRING) {
                throw new InvalidClientException(field + " must be an array of strings");
            }
            String text = ((JsonString) item).getString();
            if (!strings.contains(text)) {
                strings.add(text);
            }
        }
        return strings;
    }
}
