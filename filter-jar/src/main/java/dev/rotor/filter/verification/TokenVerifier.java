package dev.rotor.filter.verification;

import dev.rotor.filter.configuration.VerifierConfig;
import dev.rotor.filter.protocol.JsonWebKey;
import dev.rotor.filter.revocation.RevocationCheck;
import dev.rotor.filter.revocation.RevocationStateUnavailableException;
import dev.rotor.filter.verification.TokenRejectedException.Reason;

import java.time.Clock;
import java.util.logging.Logger;

/**
 * Verifies Rotor access tokens. Immutable and thread-safe: build one at deployment and use it for every request.
 * <p>
 * Checks run cheapest first: size; then, for a token not verified before, its shape (three strict base64url
 * segments); the header ({@code alg} allow-list, {@code typ} {@code at+jwt}, {@code kid}, no {@code crit} or
 * {@code zip}); the key named by {@code kid} and its one algorithm; the signature's shape and then its
 * cryptography; the claims ({@code iss}, {@code aud}, {@code exp}, {@code nbf}, {@code iat}, and {@code sub},
 * {@code jti} and {@code rid}). Each segment is decoded and parsed once. A token verified before is found by its
 * exact text and skips all of that, but is still checked for expiry; every token, cached or not, is checked for
 * revocation. A rejection logs at most one line, at FINE.
 */
public final class TokenVerifier {

    private static final Logger LOG = Logger.getLogger(TokenVerifier.class.getName());

    private final VerifierConfig config;
    private final KeyResolver keys;
    private final RevocationCheck revocation;
    private final TokenTimes times;
    private final VerifiedTokenCache cache;

    /**
     * @param config     the validated configuration: issuer, audience, algorithms, leeway and size limits
     * @param keys       resolves the {@code kid} of each token
     * @param revocation answers whether a verified token is revoked; it applies the fail policy, and throws
     *                   {@link BackendUnavailableException} when it cannot answer and the policy is {@code closed}
     * @param clock      the time for every expiry decision
     */
    public TokenVerifier(VerifierConfig config, KeyResolver keys, RevocationCheck revocation, Clock clock) {
        this.config = config;
        this.keys = keys;
        this.revocation = revocation;
        this.times = new TokenTimes(config, clock);
        this.cache = new VerifiedTokenCache(config.tokenCacheSize());
    }

    /**
     * @param compactJws the bearer token, exactly as received
     * @return the verified token
     * @throws TokenRejectedException      if the token is not acceptable (answer 401 {@code invalid_token})
     * @throws BackendUnavailableException if its revocation state cannot be checked (answer 503)
     */
    public VerifiedToken verify(String compactJws) {
        try {
            VerifiedToken token = verifiedOrCached(compactJws);
            if (isRevoked(token)) {
                throw new TokenRejectedException(Reason.REVOKED);
            }
            return token;
        } catch (TokenRejectedException e) {
            if (e.reason() != Reason.UNKNOWN_KEY) {
                LOG.fine(() -> "ROTOR-V101 token rejected: " + e.reason());
            }
            throw e;
        }
    }

    private VerifiedToken verifiedOrCached(String token) {
        if (token == null || token.isEmpty()) {
            throw new TokenRejectedException(Reason.MALFORMED);
        }
        if (token.length() > config.maxTokenSize()) {
            throw new TokenRejectedException(Reason.TOO_LARGE);
        }
        VerifiedToken cached = cache.get(token);
        if (cached != null) {
            if (times.isExpired(cached.expiresAt())) {
                cache.remove(token);
                throw new TokenRejectedException(Reason.EXPIRED);
            }
            return cached;
        }
        VerifiedToken verified = verifySigned(CompactJws.split(token));
        cache.put(token, verified);
        return verified;
    }

    private VerifiedToken verifySigned(CompactJws jws) {
        JoseHeader header = JoseHeader.parse(jws.header(), config.algorithms());
        String claims = AccessTokenClaims.text(jws.payload());
        JsonWebKey key = keys.resolve(header.kid()).orElseThrow(() -> {
            LOG.fine(() -> "ROTOR-V102 token rejected: UNKNOWN_KEY, no key for kid " + LogText.escape(header.kid()));
            return new TokenRejectedException(Reason.UNKNOWN_KEY);
        });
        if (key.algorithm() != header.algorithm()) {
            throw new TokenRejectedException(Reason.KEY_ALGORITHM_MISMATCH);
        }
        byte[] signature = jws.signature();
        if (!SignatureShape.fits(key, signature) || !SignatureCheck.verifies(key, jws)) {
            throw new TokenRejectedException(Reason.BAD_SIGNATURE);
        }
        return AccessTokenClaims.read(claims, times);
    }

    private boolean isRevoked(VerifiedToken token) {
        try {
            return revocation.isRevoked(token.rid(), token.jti(), token.subject(), token.issuedAt());
        } catch (RevocationStateUnavailableException e) {
            throw new BackendUnavailableException("revocation state is stale", null);
        } catch (RuntimeException e) {
            // fail closed: a broken revocation check must not turn into a 500, nor into an accepted token
            LOG.warning(() -> "ROTOR-V103 revocation check failed: " + e.getClass().getName());
            throw new BackendUnavailableException("revocation check failed", e);
        }
    }
}
