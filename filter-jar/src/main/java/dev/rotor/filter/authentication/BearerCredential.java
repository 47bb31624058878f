package dev.rotor.filter.authentication;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

/**
 * What a request carries in its {@code Authorization} header (RFC 6750 §2.1). Tokens in the query string or the
 * body are not accepted. The scheme is case-insensitive.
 */
public sealed interface BearerCredential {

    /** No bearer token: answer with a bare challenge (RFC 6750 §3.1). */
    record Missing() implements BearerCredential {
    }

    /** An {@code Authorization} header that is not one well-formed bearer credential: {@code invalid_request}. */
    record Malformed() implements BearerCredential {
    }

    /** A bearer token, not yet verified. */
    record Token(String value) implements BearerCredential {
    }

    static BearerCredential of(HttpServletRequest request) {
        Enumeration<String> headers = request.getHeaders("Authorization");
        if (headers == null || !headers.hasMoreElements()) {
            return new Missing();
        }
        String header = headers.nextElement();
        return headers.hasMoreElements() ? new Malformed() : parse(header);
    }

    /** @param headers every {@code Authorization} header of the request */
    static BearerCredential parse(List<String> headers) {
        if (headers.isEmpty()) {
            return new Missing();
        }
        if (headers.size() > 1) {
            return new Malformed();
        }
        return parse(headers.get(0));
    }

    private static BearerCredential parse(String value) {
        String header = value.strip();
        int space = header.indexOf(' ');
        String scheme = (space < 0 ? header : header.substring(0, space)).toLowerCase(Locale.ROOT);
        if (!scheme.equals("bearer")) {
            return new Missing();
        }
        String token = space < 0 ? "" : header.substring(space + 1).strip();
        return token.isEmpty() || token.indexOf(' ') >= 0 ? new Malformed() : new Token(token);
    }
}
