package dev.rotor.it.support;

import redis.clients.jedis.HostAndPort;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fault scenario 3 on any Redis topology: a revocation made while {@link PubSubCut} keeps the subscribers off every
 * node is enforced at every verifier within 2 s of the moment the last subscriber is back.
 */
public final class PubSubLossScenario {

    /** The bound from the last reconnect to the revocation being enforced everywhere. */
    public static final Duration BOUND = Duration.ofSeconds(2);
    private static final Duration RECONNECT = Duration.ofSeconds(15);

    private final List<HostAndPort> nodes;
    private final String channel;

    /** What a run saw: the subscribers before the cut, during the revocation, and the time to rejection. */
    public record Result(long subscribers, long revokingWith, long revokedWith, Duration rejectedAfterReconnect) {

        @Override
        public String toString() {
            return String.format("revoked with %d and %d of %d subscribers; rejected everywhere %s after the "
                    + "reconnect", revokingWith, revokedWith, subscribers, rejectedAfterReconnect);
        }
    }

    /** @param nodes every node a subscriber may use: the server, or every Cluster node */
    public PubSubLossScenario(List<HostAndPort> nodes, String channel) {
        this.nodes = List.copyOf(nodes);
        this.channel = channel;
    }

    /**
     * @param expectedSubscribers at least this many must subscribe before the cut
     * @param revoke              revokes the token (and asserts that the issuer acknowledged it)
     * @param rejectedEverywhere  whether every verifier refuses the token now
     */
    public Result run(int expectedSubscribers, Runnable revoke, BooleanSupplier rejectedEverywhere) {
        long subscribers = subscribers();
        assertTrue(subscribers >= expectedSubscribers, "every verifier subscribes: " + subscribers);
        long revokingWith;
        long revokedWith;
        try (PubSubCut cut = PubSubCut.start(nodes)) {
            // Subscribers that keep being cut back off grow their reconnect backoff, so soon none is connected.
            Poll.until(Duration.ofSeconds(3), () -> subscribers() == 0);
            assertTrue(subscribers() < subscribers, "subscriptions dropped");
            revokingWith = subscribers();
            revoke.run();
            revokedWith = subscribers();
        }
        assertTrue(Poll.until(RECONNECT, () -> subscribers() == subscribers), "every subscriber reconnected");
        Instant reconnected = Instant.now();
        assertTrue(Poll.until(BOUND, rejectedEverywhere), "rejected at every verifier within " + BOUND
                + " of the reconnect");
        return new Result(subscribers, revokingWith, revokedWith, Duration.between(reconnected, Instant.now()));
    }

    private long subscribers() {
        return PubSubCut.subscribers(nodes, channel);
    }
}
