package dev.rotor.filter.verification;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recently verified tokens, keyed by their exact text, so that a token seen again skips parsing and the signature.
 * Bounded and least-recently-used; the caller still checks expiry and revocation on every hit.
 */
final class VerifiedTokenCache {

    private final Map<String, VerifiedToken> tokens;

    VerifiedTokenCache(int capacity) {
        this.tokens = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, VerifiedToken> eldest) {
                return size() > capacity;
            }
        };
    }

    /** @return the verified token, or {@code null} if this exact text was not verified recently */
    synchronized VerifiedToken get(String token) {
        return tokens.get(token);
    }

    synchronized void put(String token, VerifiedToken verified) {
        tokens.put(token, verified);
    }

    synchronized void remove(String token) {
        tokens.remove(token);
    }
}
