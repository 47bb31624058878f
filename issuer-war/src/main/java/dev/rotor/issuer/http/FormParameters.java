package dev.rotor.issuer.http;


import jakarta.ws.rs.core.MultivaluedMap;

import java.util.List;
import java.util.Optional;

/** Reads OAuth form parameters, which RFC 6749 §3.2 forbids to repeat. */
public final class FormParameters {

    private final MultivaluedMap<String, String> form;

    public FormParameters(MultivaluedMap<String, String> form) {
        this.form = form;
    }

    public Optional<String> optional(String name) {
        List<String> values = form == null ? null : form.get(name);
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw OAuthErrorException.invalidRequest("A parameter is repeated");
        }
        return Optional.of(values.get(0)).filter(value -> !value.isEmpty());
    }

    public String required(String name) {
        return optional(name).orElseThrow(() -> OAuthErrorException.invalidRequest("Missing parameter " + name));
    }
}
