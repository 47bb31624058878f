package dev.rotor.filter.verification;

import dev.rotor.filter.protocol.JwsAlgorithm;
import dev.rotor.filter.protocol.UntrustedJson;
import dev.rotor.filter.verification.TokenRejectedException.Reason;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.Locale;
import java.util.Set;

/**
 * The parts of a JWS protected header that the verifier uses. Header-supplied keys ({@code jwk}, {@code x5c}) and
 * key URLs ({@code jku}, {@code x5u}) are deliberately never read.
 *
 * @param algorithm the {@code alg}, one of the allowed algorithms
 * @param kid       the {@code kid}, at most {@value KeyResolver#MAX_KID_LENGTH} characters without control characters
 */
record JoseHeader(JwsAlgorithm algorithm, String kid) {

    static final int MAX_DEPTH = 4;
    private static final String ACCESS_TOKEN_TYPE = "at+jwt";
    private static final String MEDIA_TYPE_PREFIX = "application/";

    /**
     * @param decoded the header's bytes, base64url-decoded
     * @throws TokenRejectedException if the header is malformed or asks for anything the verifier does not do
     */
    static JoseHeader parse(byte[] decoded, Set<JwsAlgorithm> allowedAlgorithms) {
        JsonObject header = StrictUtf8.decode(decoded)
                .flatMap(json -> UntrustedJson.readObject(json, MAX_DEPTH))
                .orElseThrow(() -> new TokenRejectedException(Reason.MALFORMED));
        JwsAlgorithm algorithm = JwsAlgorithm.named(string(header, "alg")).orElse(null);
        if (algorithm == null || !allowedAlgorithms.contains(algorithm)) {
            throw new TokenRejectedException(Reason.ALGORITHM_NOT_ALLOWED);
        }
        if (!isAccessTokenType(string(header, "typ"))) {
            throw new TokenRejectedException(Reason.WRONG_TYPE);
        }
        String kid = string(header, "kid");
        if (kid == null || kid.isEmpty() || kid.length() > KeyResolver.MAX_KID_LENGTH || hasControlCharacter(kid)) {
            throw new TokenRejectedException(Reason.MALFORMED);
        }
        if (header.containsKey("crit") || header.containsKey("zip")) {
            throw new TokenRejectedException(Reason.UNSUPPORTED_HEADER);
        }
        return new JoseHeader(algorithm, kid);
    }

    /** RFC 9068 §2.1: {@code at+jwt}, or {@code application/at+jwt}, compared without case. */
    private static boolean isAccessTokenType(String typ) {
        if (typ == null) {
            return false;
        }
        String type = typ.toLowerCase(Locale.ROOT);
        if (type.startsWith(MEDIA_TYPE_PREFIX)) {
            type = type.substring(MEDIA_TYPE_PREFIX.length());
        }
        return ACCESS_TOKEN_TYPE.equals(type);
    }

    private static boolean hasControlCharacter(String text) {
        return text.chars().anyMatch(c -> c < 0x20 || c == 0x7F);
    }

    /** @return the member's text, or {@code null} if it is absent or not a string */
    private static String string(JsonObject header, String name) {
        JsonValue value = header.get(name);
        return value != null && value.getValueType() == JsonValue.ValueType.STRING
                ? ((JsonString) value).getString() : null;
    }
}
