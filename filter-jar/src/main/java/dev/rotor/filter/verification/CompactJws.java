package dev.rotor.filter.verification;

import dev.rotor.filter.verification.TokenRejectedException.Reason;

import java.util.Base64;

/**
 * The three base64url segments of a compact JWS, checked for size and shape before anything is decoded.
 *
 * @param header    the encoded protected header
 * @param payload   the encoded claims
 * @param signature the encoded signature
 */
record CompactJws(String header, String payload, String signature) {

    /** @throws TokenRejectedException unless the token is three non-empty, unpadded base64url segments */
    static CompactJws split(String token, int maxChars) {
        if (token == null || token.isEmpty()) {
            throw new TokenRejectedException(Reason.MALFORMED);
        }
        if (token.length() > maxChars) {
            throw new TokenRejectedException(Reason.TOO_LARGE);
        }
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (first <= 0 || second <= first + 1 || second == token.length() - 1 || token.indexOf('.', second + 1) >= 0) {
            throw new TokenRejectedException(Reason.MALFORMED);
        }
        for (int i = 0; i < token.length(); i++) {
            if (!isBase64UrlOrDot(token.charAt(i))) {
                throw new TokenRejectedException(Reason.MALFORMED);
            }
        }
        return new CompactJws(token.substring(0, first), token.substring(first + 1, second),
                token.substring(second + 1));
    }

    /** @throws TokenRejectedException if the segment is not valid base64url */
    static byte[] decode(String segment) {
        try {
            return Base64.getUrlDecoder().decode(segment);
        } catch (IllegalArgumentException e) {
            throw new TokenRejectedException(Reason.MALFORMED);
        }
    }

    private static boolean isBase64UrlOrDot(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.';
    }
}
