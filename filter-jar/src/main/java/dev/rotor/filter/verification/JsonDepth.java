package dev.rotor.filter.verification;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;

import java.io.StringReader;

/**
 * Checks JSON nesting with a streaming parser, before any tree is built, so hostile input cannot exhaust the stack
 * of a recursive parser further down.
 */
final class JsonDepth {

    private JsonDepth() {
    }

    /** @return {@code true} if {@code json} is well-formed and nests no deeper than {@code maxDepth} */
    static boolean isWellFormedWithin(String json, int maxDepth) {
        int depth = 0;
        try (JsonParser parser = Json.createParser(new StringReader(json))) {
            while (parser.hasNext()) {
                switch (parser.next()) {
                    case START_OBJECT, START_ARRAY -> {
                        if (++depth > maxDepth) {
                            return false;
                        }
                    }
                    case END_OBJECT, END_ARRAY -> depth--;
                    default -> {
                        // scalars and keys do not change the depth
                    }
                }
            }
            return true;
        } catch (JsonException | IllegalStateException e) {
            return false;
        }
    }
}
