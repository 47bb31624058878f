package dev.rotor.filter.verification;

import dev.rotor.filter.protocol.JsonWebKey;
import dev.rotor.filter.protocol.UntrustedJson;
import dev.rotor.filter.verification.TokenRejectedException.Reason;
import jakarta.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A compact JWS other than an access token (an ID token), read by the same rules: strict base64url, one bounded
 * JSON pass per segment, and a signature that must fit its key's shape (ranges, low S) and verify with java-jwt.
 * What the claims must say is the caller's to check.
 */
public final class SignedJws {

    private static final int MAX_DEPTH = 8;

    private final CompactJws jws;
    private final JsonObject header;
    private final JsonObject claims;

    private SignedJws(CompactJws jws, JsonObject header, JsonObject claims) {
        this.jws = jws;
        this.header = header;
        this.claims = claims;
    }

    /** @throws TokenRejectedException unless {@code token} is a well-formed compact JWS of at most {@code maxLength} */
    public static SignedJws parse(String token, int maxLength) {
        if (token == null || token.isEmpty() || token.length() > maxLength) {
            throw new TokenRejectedException(Reason.MALFORMED);
        }
        CompactJws jws = CompactJws.split(token);
        return new SignedJws(jws, object(jws.header()), object(jws.payload()));
    }

    public JsonObject header() {
        return header;
    }

    /** The claims; trust them only once {@link #isSignedBy} said so. */
    public JsonObject claims() {
        return claims;
    }

    /** Whether {@code key} made the signature; the caller has bound the key to the header's {@code alg}. */
    public boolean isSignedBy(JsonWebKey key) {
        return SignatureShape.fits(key, jws.signature()) && SignatureCheck.verifies(key, jws);
    }

    private static JsonObject object(byte[] segment) {
        Optional<JsonObject> json = StrictUtf8.decode(segment).flatMap(text -> UntrustedJson.readObject(text, MAX_DEPTH));
        return json.orElseThrow(() -> new TokenRejectedException(Reason.MALFORMED));
    }
}
