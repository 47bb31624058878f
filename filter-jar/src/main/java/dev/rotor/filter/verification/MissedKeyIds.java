package dev.rotor.filter.verification;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Key ids that a JWKS fetch which started after they were first seen did not contain. A bounded,
 * least-recently-added set whose entries expire, so a flood of random kids costs neither memory nor fetches.
 */
final class MissedKeyIds {

    private final Duration ttl;
    private final Map<String, Instant> expiries;

    MissedKeyIds(int capacity, Duration ttl) {
        this.ttl = ttl;
        this.expiries = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized void add(String kid, Instant now) {
        expiries.remove(kid);
        expiries.put(kid, now.plus(ttl));
    }

    synchronized void remove(String kid) {
        expiries.remove(kid);
    }

    synchronized boolean contains(String kid, Instant now) {
        Instant expiry = expiries.get(kid);
        if (expiry == null) {
            return false;
        }
        if (!now.isBefore(expiry)) {
            expiries.remove(kid);
            return false;
        }
        return true;
    }
}
