package dev.rotor.it.support;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Watches keys leave the JWKS of several instances: when each was first missing from all of them, and whether one
 * went missing from any before its computed expiry (less {@code early}, for the poll's own delay).
 */
public final class JwksDepartures {

    private final Http http = new Http();
    private final List<URI> jwks;
    private final Map<String, Instant> expiries;
    private final Duration early;
    private final Map<String, Instant> left = new HashMap<>();
    private final Map<String, String> tooEarly = new HashMap<>();

    public JwksDepartures(List<URI> jwks, Map<String, Instant> expiries, Duration early) {
        this.jwks = List.copyOf(jwks);
        this.expiries = Map.copyOf(expiries);
        this.early = early;
    }

    /**
     * One look at every JWKS. Each answer is timed when it arrived, the latest the instance can have decided what it
     * lists: a load that slows the answers down then never makes a key look gone early.
     */
    public void observe() {
        Map<String, Integer> missing = new HashMap<>();
        Instant last = Instant.now();
        for (URI uri : jwks) {
            Set<String> kids = http.kids(uri);
            last = Instant.now();
            for (Map.Entry<String, Instant> key : expiries.entrySet()) {
                if (kids.contains(key.getKey())) {
                    continue;
                }
                missing.merge(key.getKey(), 1, Integer::sum);
                if (last.isBefore(key.getValue().minus(early))) {
                    tooEarly.putIfAbsent(key.getKey(), "missing from " + uri + " at " + last + ", expiry "
                            + key.getValue());
                }
            }
        }
        Instant seen = last;
        missing.forEach((kid, count) -> {
            if (count == jwks.size()) {
                left.putIfAbsent(kid, seen);
            }
        });
    }

    public boolean allLeft() {
        return left.keySet().containsAll(expiries.keySet());
    }

    /** Observes until every key left or {@code timeout} passed. */
    public void awaitAll(Duration timeout) {
        Poll.until(timeout, () -> {
            observe();
            return allLeft();
        });
    }

    public Map<String, String> tooEarly() {
        return Map.copyOf(tooEarly);
    }

    /** Per kid, how long after its computed expiry it was first seen gone (negative: before); absent if never. */
    public Map<String, Duration> lateness() {
        return left.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                entry -> Duration.between(expiries.get(entry.getKey()), entry.getValue())));
    }

    public Set<String> stillListed() {
        return expiries.keySet().stream().filter(kid -> !left.containsKey(kid)).collect(Collectors.toSet());
    }
}
