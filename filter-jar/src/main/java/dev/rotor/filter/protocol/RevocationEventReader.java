package dev.rotor.filter.protocol;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.NoSuchElementException;

/** Parses the JSON of a {@link RevocationEvent} strictly, as input from the network. */
final class RevocationEventReader {

    static final int MAX_JSON_LENGTH = 1024;
    private static final BigDecimal LATEST_MILLIS = BigDecimal.valueOf(Instant.parse("9999-12-31T23:59:59Z").toEpochMilli());

    private RevocationEventReader() {
    }

    static RevocationEvent read(String json) {
        return revocation(object(json));
    }

    /** A message of the revocation channel: a revocation, or a key announcement. */
    static ChannelMessage readMessage(String json) {
        JsonObject object = object(json);
        if (KeyAnnouncement.TYPE.equals(string(object, "type"))) {
            try {
                return new KeyAnnouncement(string(object, "kid"));
            } catch (IllegalArgumentException e) {
                throw new InvalidRevocationEventException("kid must have 1 to " + KeyAnnouncement.MAX_KID_LENGTH
                        + " printable characters");
            }
        }
        return revocation(object);
    }

    private static RevocationEvent revocation(JsonObject object) {
        RevocationEvent.Type type = RevocationEvent.Type.fromWireName(string(object, "type"));
        Instant notBefore = object.containsKey("notBefore") ? instant(object, "notBefore") : null;
        return new RevocationEvent(type, string(object, "value"), notBefore, instant(object, "expiresAt"));
    }

    private static JsonObject object(String json) {
        if (json == null || json.length() > MAX_JSON_LENGTH) {
            throw new InvalidRevocationEventException("event is absent or longer than " + MAX_JSON_LENGTH);
        }
        try (JsonParser parser = Json.createParser(new StringReader(json))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw new InvalidRevocationEventException("event is not a JSON object");
            }
            JsonObject object = parser.getObject();
            if (parser.hasNext()) {
                throw new InvalidRevocationEventException("event has content after the JSON object");
            }
            return object;
        } catch (JsonException | IllegalStateException | NoSuchElementException e) {
            throw new InvalidRevocationEventException("event is not valid JSON");
        }
    }

    private static String string(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (value == null || value.getValueType() != JsonValue.ValueType.STRING) {
            throw new InvalidRevocationEventException(name + " must be a string");
        }
        return ((JsonString) value).getString();
    }

    private static Instant instant(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (value == null || value.getValueType() != JsonValue.ValueType.NUMBER) {
            throw new InvalidRevocationEventException(name + " must be a number");
        }
        BigDecimal millis = ((JsonNumber) value).bigDecimalValue();
        if (millis.scale() > 0 || millis.signum() < 0 || millis.compareTo(LATEST_MILLIS) > 0) {
            throw new InvalidRevocationEventException(name + " must be whole epoch milliseconds before year 10000");
        }
        return Instant.ofEpochMilli(millis.longValue());
    }
}
