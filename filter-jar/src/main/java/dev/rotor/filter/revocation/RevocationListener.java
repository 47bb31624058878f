package dev.rotor.filter.revocation;

import dev.rotor.filter.protocol.InvalidRevocationEventException;
import dev.rotor.filter.protocol.RevocationEvent;
import dev.rotor.filter.protocol.ChannelMessage;
import dev.rotor.filter.protocol.KeyAnnouncement;
import redis.clients.jedis.JedisPubSub;

import java.util.function.Consumer;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The callbacks of one subscription. They run on the subscriber thread, in order: when the revocation channel's
 * subscription is confirmed, a Redis that lost its data gets the mirror's entries back, and then the snapshot is
 * merged before any event that arrived meanwhile is applied. A revocation or the mirror's own probe coming back
 * counts as contact with Redis. One listener per connection, so {@link #isSynced()} describes the current connection
 * only.
 */
final class RevocationListener extends JedisPubSub {

    private static final Logger LOG = Logger.getLogger(RevocationListener.class.getName());

    private final SubscriberChannels channels;
    private final BlacklistSnapshot snapshot;
    private final BlacklistRepair repair;
    private final RevocationStore store;
    private final MirrorHealth health;
    private final Consumer<String> keys;
    private volatile boolean synced;

    /** @param keys told the {@code kid} of every key an issuer announces */
    RevocationListener(SubscriberChannels channels, BlacklistSnapshot snapshot, BlacklistRepair repair,
                       RevocationStore store, MirrorHealth health, Consumer<String> keys) {
        this.channels = channels;
        this.snapshot = snapshot;
        this.repair = repair;
        this.store = store;
        this.health = health;
        this.keys = keys;
    }

    /** Whether this subscription is confirmed and its snapshot merged. */
    boolean isSynced() {
        return synced;
    }

    @Override
    public void onSubscribe(String channel, int subscriptions) {
        if (!channels.revocations().equals(channel)) {
            return;
        }
        repair.repairIfLost(store);
        int loaded = snapshot.loadInto(store);
        synced = true;
        health.contact();
        LOG.log(Level.INFO, "ROTOR-M103 revocation mirror subscribed and loaded {0} blacklist entries", loaded);
    }

    @Override
    public void onMessage(String channel, String message) {
        if (channels.probe().equals(channel)) {
            health.contact();
            return;
        }
        try {
            ChannelMessage parsed = ChannelMessage.parse(message);
            if (parsed instanceof RevocationEvent event) {
                store.apply(event);
            } else {
                keys.accept(((KeyAnnouncement) parsed).kid());
            }
        } catch (InvalidRevocationEventException e) {
            // The reason is fixed text and the event itself is never logged: it may carry token claim values.
            LOG.log(Level.WARNING, "ROTOR-M101 ignored a malformed revocation event ({0} characters): {1}",
                    new Object[] {message == null ? 0 : message.length(), e.getMessage()});
        }
        health.contact();
    }
}
