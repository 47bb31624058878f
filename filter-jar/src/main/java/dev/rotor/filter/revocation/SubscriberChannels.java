package dev.rotor.filter.revocation;

/**
 * The two channels a mirror subscribes to.
 *
 * @param revocations the channel the issuers publish revocations on
 * @param probe       this mirror's own channel: its heartbeat publishes there, and hearing it proves that the
 *                    subscription still receives what is published
 */
record SubscriberChannels(String revocations, String probe) {
}
