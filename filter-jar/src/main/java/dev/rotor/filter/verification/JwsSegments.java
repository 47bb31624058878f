package dev.rotor.filter.verification;

import com.auth0.jwt.interfaces.Claim;
import com.auth0.jwt.interfaces.DecodedJWT;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * The three segments of a token that Rotor has already split, checked and parsed, handed to java-jwt's
 * {@link com.auth0.jwt.algorithms.Algorithm#verify(DecodedJWT)}, which reads only the header, payload and signature
 * segments to check the signature. Claims are Rotor's to read (once, by {@link AccessTokenClaims}), so java-jwt's
 * own JSON decoding, and the Jackson it needs, never run in the verifier.
 */
final class JwsSegments implements DecodedJWT {

    private final CompactJws jws;

    JwsSegments(CompactJws jws) {
        this.jws = jws;
    }

    @Override
    public String getToken() {
        return jws.token();
    }

    @Override
    public String getHeader() {
        return jws.token().substring(0, jws.firstDot());
    }

    @Override
    public String getPayload() {
        return jws.token().substring(jws.firstDot() + 1, jws.secondDot());
    }

    @Override
    public String getSignature() {
        return jws.token().substring(jws.secondDot() + 1);
    }

    @Override
    public String getKeyId() {
        return null;
    }

    // What follows is for callers that read claims through java-jwt; the signature check does not.

    @Override
    public String getAlgorithm() {
        throw notRead();
    }

    @Override
    public String getType() {
        throw notRead();
    }

    @Override
    public String getContentType() {
        throw notRead();
    }

    @Override
    public Claim getHeaderClaim(String name) {
        throw notRead();
    }

    @Override
    public String getIssuer() {
        throw notRead();
    }

    @Override
    public String getSubject() {
        throw notRead();
    }

    @Override
    public List<String> getAudience() {
        throw notRead();
    }

    @Override
    public Date getExpiresAt() {
        throw notRead();
    }

    @Override
    public Instant getExpiresAtAsInstant() {
        throw notRead();
    }

    @Override
    public Date getNotBefore() {
        throw notRead();
    }

    @Override
    public Instant getNotBeforeAsInstant() {
        throw notRead();
    }

    @Override
    public Date getIssuedAt() {
        throw notRead();
    }

    @Override
    public Instant getIssuedAtAsInstant() {
        throw notRead();
    }

    @Override
    public String getId() {
        throw notRead();
    }

    @Override
    public Claim getClaim(String name) {
        throw notRead();
    }

    @Override
    public Map<String, Claim> getClaims() {
        throw notRead();
    }

    private static UnsupportedOperationException notRead() {
        return new UnsupportedOperationException("claims are read by AccessTokenClaims, not through java-jwt");
    }
}
