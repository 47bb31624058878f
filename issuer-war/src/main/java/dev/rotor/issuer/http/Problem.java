package dev.rotor.issuer.http;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * An RFC 9457 problem detail. Its text is always ours: never an exception message, a token, or a key.
 *
 * @param status the HTTP status
 * @param title  a short, fixed summary of the problem type
 * @param detail a fixed explanation that helps the caller, or {@code null}
 */
public record Problem(int status, String title, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public JsonObject toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", title)
                .add("status", status);
        if (detail != null) {
            json.add("detail", detail);
        }
        return json.build();
    }
}
