package dev.rotor.filter.verification;

import dev.rotor.filter.protocol.Base64Url;
import dev.rotor.filter.verification.TokenRejectedException.Reason;

/**
 * A compact JWS split at its two dots. Each segment is decoded once, strictly (see {@link Base64Url}), when it is
 * first needed; a token has exactly one accepted spelling.
 *
 * @param token     the whole token, already checked for size
 * @param firstDot  where the header ends
 * @param secondDot where the payload ends
 */
record CompactJws(String token, int firstDot, int secondDot) {

    /** @throws TokenRejectedException unless the token is three non-empty segments */
    static CompactJws split(String token) {
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (first <= 0 || second <= first + 1 || second == token.length() - 1 || token.indexOf('.', second + 1) >= 0) {
            throw new TokenRejectedException(Reason.MALFORMED);
        }
        return new CompactJws(token, first, second);
    }

    byte[] header() {
        return decode(0, firstDot);
    }

    byte[] payload() {
        return decode(firstDot + 1, secondDot);
    }

    byte[] signature() {
        return decode(secondDot + 1, token.length());
    }

    private byte[] decode(int from, int to) {
        byte[] bytes = Base64Url.decodeOrNull(token, from, to);
        if (bytes == null) {
            throw new TokenRejectedException(Reason.MALFORMED);
        }
        return bytes;
    }
}
