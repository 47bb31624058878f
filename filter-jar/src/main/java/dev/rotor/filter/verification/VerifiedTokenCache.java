package dev.rotor.filter.verification;

import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Recently verified tokens, keyed by their exact text, so that a token seen again skips parsing and the signature.
 * The caller still checks expiry and revocation on every hit.
 * <p>
 * A hit is one {@link ConcurrentHashMap} lookup and, the first time after a sweep, one write of a flag: no lock,
 * so request threads never queue behind each other. Each request brings a new {@code String}, whose
 * {@link String#hashCode()} would walk all of its several hundred characters; the key hashes only the token's last
 * {@value #HASHED_CHARS} characters (its signature, random to anyone without the private key) and still compares the
 * whole text. Only verified tokens are ever stored, so no one can fill a bucket on purpose. The size is bounded by second-chance eviction (CLOCK): when a
 * put passes the capacity, one thread sweeps, dropping entries not used since the last sweep and clearing the flag
 * of the others, until the cache is a tenth below capacity; if hits keep marking entries faster than two sweeps
 * clear them, a third drops entries regardless, so the bound always holds. That approximates least-recently-used
 * at a cost spread over a tenth of the capacity's puts. Concurrent puts during a sweep may overshoot the capacity briefly,
 * by at most the number of request threads.
 */
final class VerifiedTokenCache {

    private static final int SWEEPS = 2;
    static final int HASHED_CHARS = 32;

    /** A token's text, hashed by its tail. */
    private static final class Key {
        final String token;
        final int hash;

        Key(String token) {
            this.token = token;
            int h = 0;
            for (int i = Math.max(0, token.length() - HASHED_CHARS); i < token.length(); i++) {
                h = 31 * h + token.charAt(i);
            }
            this.hash = h;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.hash == hash && key.token.equals(token);
        }
    }

    private static final class Entry {
        final VerifiedToken token;
        volatile boolean used;

        Entry(VerifiedToken token) {
            this.token = token;
        }
    }

    private final ConcurrentHashMap<Key, Entry> entries;
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
        Entry entry = entries.get(new Key(token));
        if (entry == null) {
            return null;
        }
        if (!entry.used) {
            entry.used = true;
        }
        return entry.token;
    }

    void put(String token, VerifiedToken verified) {
        entries.put(new Key(token), new Entry(verified));
        if (entries.size() > capacity) {
            evict();
        }
    }

    void remove(String token) {
        entries.remove(new Key(token));
    }

    int size() {
        return entries.size();
    }

    private void evict() {
        if (!sweeping.compareAndSet(false, true)) {
            return;
        }
        try {
            for (int sweep = 0; sweep <= SWEEPS && entries.size() > target; sweep++) {
                boolean last = sweep == SWEEPS;
                Iterator<Entry> all = entries.values().iterator();
                while (all.hasNext() && entries.size() > target) {
                    Entry entry = all.next();
                    if (entry.used && !last) {
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
