package dev.rotor.filter.verification;

import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Recently verified tokens, keyed by their exact text, so that a token seen again skips parsing and the signature.
 * The caller still checks expiry and revocation on every hit.
 * <p>
 * A hit is one {@link ConcurrentHashMap} lookup and, the first time after a sweep, one write of a flag: no lock,
 * so request threads never queue behind each other. The size is bounded by second-chance eviction (CLOCK): when a
 * put passes the capacity, one thread sweeps, dropping entries not used since the last sweep and clearing the flag
 * of the others, until the cache is a tenth below capacity. That approximates least-recently-used at a cost
 * spread over a tenth of the capacity's puts. Concurrent puts during a sweep may overshoot the capacity briefly,
 * by at most the number of request threads.
 */
final class VerifiedTokenCache {

    private static final int SWEEPS = 2;

    private static final class Entry {
        final VerifiedToken token;
        volatile boolean used;

        Entry(VerifiedToken token) {
            this.token = token;
        }
    }

    private final ConcurrentHashMap<String, Entry> entries;
    private final int capacity;
    private final int target;
    private final AtomicBoolean sweeping = new AtomicBoolean();

    VerifiedTokenCache(int capacity) {
        this.capacity = capacity;
        this.target = capacity - Math.max(1, capacity / 10);
        this.entries = new ConcurrentHashMap<>(Math.min(capacity, 1 << 16));
    }

    /** @return the verified token, or {@code null} if this exact text was not verified recently */
    VerifiedToken get(String token) {
        Entry entry = entries.get(token);
        if (entry == null) {
            return null;
        }
        if (!entry.used) {
            entry.used = true;
        }
        return entry.token;
    }

    void put(String token, VerifiedToken verified) {
        entries.put(token, new Entry(verified));
        if (entries.size() > capacity) {
            evict();
        }
    }

    void remove(String token) {
        entries.remove(token);
    }

    int size() {
        return entries.size();
    }

    private void evict() {
        if (!sweeping.compareAndSet(false, true)) {
            return;
        }
        try {
            for (int sweep = 0; sweep < SWEEPS && entries.size() > target; sweep++) {
                Iterator<Entry> all = entries.values().iterator();
                while (all.hasNext() && entries.size() > target) {
                    Entry entry = all.next();
                    if (entry.used) {
                        entry.used = false;
                    } else {
                        all.remove();
                    }
                }
            }
        } finally {
            sweeping.set(false);
        }
    }
}
