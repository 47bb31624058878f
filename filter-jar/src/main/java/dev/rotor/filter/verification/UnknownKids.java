package dev.rotor.filter.verification;

import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Key ids that tokens named but no cached JWKS holds. A kid is first <em>pending</em>, with the number of JWKS
 * fetches that had started when it was seen; only a fetch that started later can tell whether it exists. If such
 * a fetch does not hold it either, it moves to the negative cache ({@link MissedKeyIds}), so repeated lookups of a
 * kid that does not exist fetch nothing. Bounded: floods of random kids cost neither memory nor fetches.
 */
final class UnknownKids {

    private final int capacity;
    private final MissedKeyIds missed;
    private final Map<String, Long> pending;

    UnknownKids(int capacity, MissedKeyIds missed) {
        this.capacity = capacity;
        this.missed = missed;
        this.pending = new LinkedHashMap<>(16, 0.75f, false);
    }

    boolean isMissed(String kid, Instant now) {
        return missed.contains(kid, now);
    }

    /** @param fetchesStarted how many fetches had started when {@code kid} was seen */
    synchronized void seen(String kid, long fetchesStarted) {
        if (pending.putIfAbsent(kid, fetchesStarted) == null && pending.size() > capacity) {
            Iterator<String> oldest = pending.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    /**
     * After fetch number {@code fetch}: a pending kid now published is forgotten; one still absent is negatively
     * cached if it was seen before that fetch started, and stays pending otherwise.
     *
     * @return {@code true} if kids remain that only a later fetch can settle
     */
    synchronized boolean settle(long fetch, Predicate<String> published, Instant now) {
        Iterator<Map.Entry<String, Long>> all = pending.entrySet().iterator();
        while (all.hasNext()) {
            Map.Entry<String, Long> entry = all.next();
            if (published.test(entry.getKey())) {
                all.remove();
            } else if (entry.getValue() < fetch) {
                missed.add(entry.getKey(), now);
                all.remove();
            }
        }
        return !pending.isEmpty();
    }

    /** An issuer announced the kid: whatever an earlier fetch said, look again. */
    synchronized void forget(String kid) {
        pending.remove(kid);
        missed.remove(kid);
    }
}
