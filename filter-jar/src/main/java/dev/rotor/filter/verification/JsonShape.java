package dev.rotor.filter.verification;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;

import java.io.StringReader;
import java.util.HashSet;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Checks the shape of untrusted JSON with a streaming parser, before any tree is built: hostile nesting cannot
 * exhaust the stack of a recursive parser further down, and duplicate member names cannot make two parsers
 * disagree about a value.
 */
final class JsonShape {

    private JsonShape() {
    }

    /**
     * @return {@code true} if {@code json} is one well-formed object, nested no deeper than {@code maxDepth}, whose
     *         top-level member names are unique
     */
    static boolean isObjectWithin(String json, int maxDepth) {
        Set<String> names = new HashSet<>();
        int depth = 0;
        try (JsonParser parser = Json.createParser(new StringReader(json))) {
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
}
