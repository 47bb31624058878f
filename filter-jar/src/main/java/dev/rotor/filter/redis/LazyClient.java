package dev.rotor.filter.redis;

import java.util.function.Supplier;

/**
 * A client created on first use, because creating a Sentinel or Cluster client contacts Redis and fails while it is
 * down. A failed creation is retried by the next call; after {@link #close()} there is no client any more.
 */
final class LazyClient<C extends AutoCloseable> {

    private final Supplier<C> factory;
    private volatile C client;
    private volatile boolean closed;

    LazyClient(Supplier<C> factory) {
        this.factory = factory;
    }

    /** The client, made now if there is none yet. The fast path takes no lock, so it may be called per command. */
    C get() {
        C current = client;
        if (current != null && !closed) {
            return current;
        }
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the Redis connections are closed");
            }
            if (client == null) {
                client = factory.get();
            }
            return client;
        }
    }

    synchronized void close() {
        closed = true;
        if (client != null) {
            try {
                client.close();
            } catch (Exception e) {
                throw new IllegalStateException("the Redis client did not close", e);
            } finally {
                client = null;
            }
        }
    }
}
