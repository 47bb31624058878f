package dev.rotor.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An OAuth token endpoint as the load driver calls it: the same two form posts for every server, the password grant
 * and the refresh-token grant, plus whatever fields that server wants in both (Keycloak's {@code client_id}).
 */
record TokenEndpoint(String server, URI uri, Map<String, String> common, String username, String password) {

    String passwordForm() {
        Map<String, String> form = new LinkedHashMap<>(common);
        form.put("grant_type", "password");
        form.put("username", username);
        form.put("password", password);
        return encode(form);
    }

    String refreshForm(String refreshToken) {
        Map<String, String> form = new LinkedHashMap<>(common);
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        return encode(form);
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
