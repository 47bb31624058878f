package dev.rotor.issuer.admin.boundary;

import dev.rotor.filter.protocol.UntrustedJson;
import dev.rotor.issuer.http.ProblemException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.LinkedHashSet;
import java.util.Set;

/** Strict reads of small admin request bodies; anything unexpected is a 400 that names the field. */
final class JsonBodies {

    private static final int MAX_BODY_LENGTH = 16 * 1024;
    private static final int MAX_GROUPS = 32;
    private static final int MAX_DEPTH = 4;

    private JsonBodies() {
    }

    /**
     * One JSON object read by {@link UntrustedJson}: nested at most {@value #MAX_DEPTH} deep, no member twice, no
     * huge number. Found by AdminBodiesFuzzTest: Parsson refuses more than 1,000 levels with a bare
     * {@code RuntimeException}.
     */
    static JsonObject object(String body) {
        if (body == null || body.isBlank() || body.length() > MAX_BODY_LENGTH) {
            throw ProblemException.badRequest("The body must be a JSON object of at most 16 KB");
        }
        return UntrustedJson.readObject(body, MAX_DEPTH).orElseThrow(() -> ProblemException.badRequest(
                "The body must be one JSON object, nested at most " + MAX_DEPTH + " deep, with no repeated member"));
    }

    static String string(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() != JsonValue.ValueType.STRING) {
            throw ProblemException.badRequest("Field '" + name + "' must be a string");
        }
        return ((JsonString) value).getString();
    }

    static boolean bool(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value == JsonValue.TRUE;
        }
        throw ProblemException.badRequest("Field '" + name + "' must be true or false");
    }

    /** A string field that may be absent or {@code null}; {@code null} then. */
    static String optionalString(JsonObject json, String name) {
        JsonValue value = json.get(name);
        return value == null || value == JsonValue.NULL ? null : string(json, name);
    }

    static Set<String> strings(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() != JsonValue.ValueType.ARRAY
                || value.asJsonArray().size() > MAX_GROUPS) {
            throw ProblemException.badRequest("Field '" + name + "' must be an array of at most 32 strings");
        }
        Set<String> strings = new LinkedHashSet<>();
        for (JsonValue item : value.asJsonArray()) {
            if (item.getValueType() != JsonValue.ValueType.STRING) {
                throw ProblemException.badRequest("Field '" + name + "' must be an array of strings");
            }
            strings.add(((JsonString) item).getString());
        }
        return strings;
    }
}
