package dev.rotor.filter.protocol;

/** A message on the revocation channel ({@link RedisNames#revocationChannel()}): a revocation or a key announcement. */
public sealed interface ChannelMessage permits RevocationEvent, KeyAnnouncement {

    /**
     * Reads a message received from Redis. The input is treated as hostile: its size, types and ranges are checked.
     *
     * @throws InvalidRevocationEventException for anything but a well-formed message
     */
    static ChannelMessage parse(String json) {
        return RevocationEventReader.readMessage(json);
    }

    /** The JSON form that {@link #parse(String)} reads. */
    String toJson();
}
