package dev.rotor.issuer.sessions.control;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;

import java.io.StringReader;
import java.util.Set;
import java.util.TreeSet;

/** A session's groups as stored: a JSON array, so group names may hold any character (LDAP names have commas). */
final class SessionGroups {

    private SessionGroups() {
    }

    static String write(Set<String> groups) {
        return Json.createArrayBuilder(new TreeSet<>(groups)).build().toString();
    }

    static Set<String> read(String json) {
        if (json == null || json.isEmpty()) {
            return Set.of();
        }
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return Set.copyOf(reader.readArray().getValuesAs(JsonString::getString));
        }
    }
}
