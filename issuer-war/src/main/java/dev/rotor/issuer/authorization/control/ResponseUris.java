package dev.rotor.issuer.authorization.control;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** Adds response parameters to the query of a validated, registered redirect URI (RFC 6749 §4.1.2). */
final class ResponseUris {

    private ResponseUris() {
    }

    /** @param parameters in order; {@code null} values are left out */
    static URI with(String redirectUri, Map<String, String> parameters) {
        String query = parameters.entrySet().stream()
                .filter(entry -> entry.getValue() != null)
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
        return URI.create(redirectUri + (redirectUri.indexOf('?') >= 0 ? "&" : "?") + query);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
