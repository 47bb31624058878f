package dev.rotor.filter.protocol;

import jakarta.json.Json;

/**
 * An issuer published a public key that verifiers may not have yet: a new instance's first keys, the next key of a
 * rotation, or every key again after Redis lost its data. It travels on the revocation channel, so every verifier
 * that mirrors revocations hears it and can fetch the key before the first token signed by it arrives:
 * <pre>{@code {"type":"key","kid":"…"}}</pre>
 *
 * @param kid the key id, 1 to {@value #MAX_KID_LENGTH} characters without control characters
 */
public record KeyAnnouncement(String kid) implements ChannelMessage {

    /** The {@code type} of an announcement on the channel. */
    public static final String TYPE = "key";

    /** The longest key id Rotor accepts anywhere. */
    public static final int MAX_KID_LENGTH = 128;

    /** @throws IllegalArgumentException if the kid is empty, too long or has control characters */
    public KeyAnnouncement {
        if (kid == null || kid.isEmpty() || kid.length() > MAX_KID_LENGTH
                || kid.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
            throw new IllegalArgumentException("a kid has 1 to " + MAX_KID_LENGTH + " printable characters");
        }
    }

    @Override
    public String toJson() {
        return Json.createObjectBuilder().add("type", TYPE).add("kid", kid).build().toString();
    }
}
