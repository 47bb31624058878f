package dev.rotor.filter.authentication;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * The RFC 9457 body of a challenge. Its text is always ours: never an exception message, a token, or a key.
 *
 * @param status the HTTP status
 * @param title  a short, fixed summary of the problem type
 * @param detail a fixed explanation that helps the caller, or {@code null}
 */
record Problem(int status, String title, String detail) {

    static final String MEDIA_TYPE = "application/problem+json";

    JsonObject toJson() {
        var json = Json.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", title)
                .add("status", status);
        if (detail != null) {
            json.add("detail", detail);
        }
        return json.build();
    }
}
