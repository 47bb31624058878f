package dev.rotor.filter.verification;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;

import java.io.StringReader;
import java.util.HashSet;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Checks the shape of untrusted JSON with a streaming parser, before any tree is built: hostile nesting cannot
 * exhaust the stack of a recursive parser further down, and duplicate member names cannot make two parsers
 * disagree about a value.
 */
final class JsonShape {

    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    private JsonShape() {
    }

    /**
     * @return {@code true} if {@code json} is one well-formed object, nested no deeper than {@code maxDepth}, whose
     *         top-level member names are unique
     */
    static boolean isObjectWithin(String json, int maxDepth) {
        Set<String> names = new HashSet<>();
        int depth = 0;
        try (JsonParser parser = PARSERS.createParser(new StringReader(json))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                return false;
            }
            depth = 1;
            while (depth > 0) {
                switch (parser.next()) {
                    case START_OBJECT, START_ARRAY -> {
                        if (++depth > maxDepth) {
                            return false;
                        }
                    }
                    case END_OBJECT, END_ARRAY -> depth--;
                    case KEY_NAME -> {
                        if (depth == 1 && !names.add(parser.getString())) {
                            return false;
                        }
                    }
                    default -> {
                        // scalar values do not change the shape
                    }
                }
            }
            return !parser.hasNext();
        } catch (JsonException | NoSuchElementException | IllegalStateException e) {
            return false;
        }
    }

    /** Reads an object that {@link #isObjectWithin} accepted. */
    static JsonObject readObject(String json) {
        try (JsonReader reader = READERS.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
