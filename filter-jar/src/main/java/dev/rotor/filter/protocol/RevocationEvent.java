package dev.rotor.filter.protocol;

import jakarta.json.Json;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * One revocation, as the issuer writes it to Redis and publishes it, and as every verifier mirrors it.
 * On the wire it is a small JSON object, times in epoch milliseconds:
 * <pre>{@code {"type":"rid","value":"…","expiresAt":1700000900000}}</pre>
 * <pre>{@code {"type":"sub","value":"alice","notBefore":1700000000000,"expiresAt":1700000900000}}</pre>
 *
 * @param type      what {@code value} names
 * @param value     the revoked {@code rid}, {@code jti} or subject; 1 to {@value #MAX_VALUE_LENGTH} characters, no
 *                  control characters
 * @param notBefore for {@link Type#SUB} only: tokens of the subject issued before it are revoked. Rounded up to a
 *                  whole second, because {@code iat} has second precision; {@code null} for the other types
 * @param expiresAt when the entry may be forgotten: once every token it could reject has expired. Millisecond
 *                  precision
 */
public record RevocationEvent(Type type, String value, Instant notBefore, Instant expiresAt) implements ChannelMessage {

    /** The longest accepted {@link #value()}. */
    public static final int MAX_VALUE_LENGTH = 256;

    /** What a revocation applies to. */
    public enum Type {
        /** a session, i.e. a refresh-token family: the {@code rid} claim */
        RID,
        /** one token: the {@code jti} claim */
        JTI,
        /** every token of a subject issued before a time: the {@code sub} claim */
        SUB;

        /** The lower-case name used in JSON and in Redis keys. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** @throws InvalidRevocationEventException if {@code name} is not a type */
        public static Type fromWireName(String name) {
            for (Type type : values()) {
                if (type.wireName().equals(name)) {
                    return type;
                }
            }
            throw new InvalidRevocationEventException("unknown revocation type");
        }
    }

    /** @throws InvalidRevocationEventException if a component is missing, too long, or does not fit the type */
    public RevocationEvent {
        if (type == null) {
            throw new InvalidRevocationEventException("type is required");
        }
        requireValidValue(value);
        if (expiresAt == null) {
            throw new InvalidRevocationEventException("expiresAt is required");
        }
        if ((type == Type.SUB) != (notBefore != null)) {
            throw new InvalidRevocationEventException("notBefore is required for sub, and only for sub");
        }
        expiresAt = expiresAt.truncatedTo(ChronoUnit.MILLIS);
        if (notBefore != null) {
            Instant seconds = notBefore.truncatedTo(ChronoUnit.SECONDS);
            notBefore = seconds.equals(notBefore) ? seconds : seconds.plusSeconds(1);
        }
    }

    /** Revokes one session. */
    public static RevocationEvent rid(String rid, Instant expiresAt) {
        return new RevocationEvent(Type.RID, rid, null, expiresAt);
    }

    /** Revokes one token. */
    public static RevocationEvent jti(String jti, Instant expiresAt) {
        return new RevocationEvent(Type.JTI, jti, null, expiresAt);
    }

    /** Revokes every token of {@code subject} issued before {@code notBefore}. */
    public static RevocationEvent subject(String subject, Instant notBefore, Instant expiresAt) {
        return new RevocationEvent(Type.SUB, subject, notBefore, expiresAt);
    }

    /**
     * Reads an event received from Redis. The input is treated as hostile: its size, types and ranges are checked.
     *
     * @throws InvalidRevocationEventException for anything but a well-formed event
     */
    public static RevocationEvent parse(String json) {
        return RevocationEventReader.read(json);
    }

    /**
     * The value of its blacklist key ({@link RedisNames#blacklistKey}): the not-before time in epoch seconds for a
     * subject, {@code "1"} otherwise.
     */
    public String blacklistValue() {
        return notBefore == null ? "1" : Long.toString(notBefore.getEpochSecond());
    }

    /** The JSON form that {@link #parse(String)} reads. */
    @Override
    public String toJson() {
        var json = Json.createObjectBuilder().add("type", type.wireName()).add("value", value);
        if (notBefore != null) {
            json.add("notBefore", notBefore.toEpochMilli());
        }
        return json.add("expiresAt", expiresAt.toEpochMilli()).build().toString();
    }

    private static void requireValidValue(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_VALUE_LENGTH) {
            throw new InvalidRevocationEventException("value must have 1 to " + MAX_VALUE_LENGTH + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidRevocationEventException("value must not contain control characters");
        }
    }
}
