package dev.rotor.it.support;

import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.args.ClientType;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.ClientKillParams;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps every pub/sub client off some Redis nodes ({@code CLIENT KILL TYPE pubsub} on each, every 20 ms) until
 * closed: subscribers reconnect and are cut again, so for that time nothing published reaches them.
 */
public final class PubSubCut implements AutoCloseable {

    private static final long PAUSE_MILLIS = 20;

    private final List<HostAndPort> nodes;
    private final AtomicBoolean cutting = new AtomicBoolean(true);
    private final Thread thread;

    private PubSubCut(List<HostAndPort> nodes) {
        this.nodes = List.copyOf(nodes);
        this.thread = new Thread(this::cut, "pubsub-cut");
    }

    public static PubSubCut start(List<HostAndPort> nodes) {
        PubSubCut cut = new PubSubCut(nodes);
        cut.thread.start();
        return cut;
    }

    /**
     * How many clients subscribe to {@code channel} on all {@code nodes} together: a Cluster node counts only its
     * own subscribers.
     */
    public static long subscribers(List<HostAndPort> nodes, String channel) {
        long count = 0;
        for (HostAndPort node : nodes) {
            try (Jedis jedis = new Jedis(node)) {
                count += jedis.pubsubNumSub(channel).getOrDefault(channel, 0L);
            }
        }
        return count;
    }

    /** Stops cutting and waits up to 5 s for the last round to end. */
    @Override
    public void close() {
        cutting.set(false);
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void cut() {
        List<Jedis> connections = nodes.stream().map(Jedis::new).toList();
        try {
            while (cutting.get()) {
                for (Jedis jedis : connections) {
                    jedis.clientKill(ClientKillParams.clientKillParams().type(ClientType.PUBSUB));
                }
                Thread.sleep(PAUSE_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (JedisException e) {
            throw new IllegalStateException("could not cut the subscribers", e);
        } finally {
            connections.forEach(Jedis::close);
        }
    }
}
