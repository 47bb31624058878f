package dev.rotor.filter.protocol;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/**
 * Reads JSON that comes from outside (token headers and claims, a JWKS, issuer metadata, Redis) in one streaming
 * pass into an immutable tree, with limits that hold whichever JSON-P implementation the server provides:
 * <ul>
 *   <li>exactly one object, and nothing after it;</li>
 *   <li>nesting no deeper than the caller's bound, checked as the parser goes, so no recursion and no deep
 *       stack;</li>
 *   <li>no member name twice in any object, so two readers can never disagree about a value;</li>
 *   <li>numbers of at most {@value #MAX_NUMBER_CHARS} characters, with an exponent of at most three digits,
 *       whose scale stays within ±{@value #MAX_SCALE}: a parser's own limit (Parsson throws {@code UnsupportedOperationException} beyond
 *       1,100 digits) is never reached, and no value in the tree makes {@code longValue()} compute a huge
 *       integer.</li>
 * </ul>
 * Anything else gives an empty result, never an exception.
 */
public final class UntrustedJson {

    /** The longest number accepted, in characters. */
    public static final int MAX_NUMBER_CHARS = 64;

    /** The largest accepted {@link BigDecimal#scale()}, either sign. */
    public static final int MAX_SCALE = 400;

    private static final int LONG_SAFE_DIGITS = 18;
    private static final int MAX_EXPONENT_DIGITS = 3;
    private static final JsonProvider PROVIDER = JsonProvider.provider();
    private static final JsonParserFactory PARSERS = PROVIDER.createParserFactory(Map.of());

    private UntrustedJson() {
    }

    /**
     * @param json     the text, already decoded
     * @param maxDepth how deep objects and arrays may nest; the top-level object counts as 1
     * @return the object, or empty if {@code json} breaks any of the rules above
     */
    public static Optional<JsonObject> readObject(String json, int maxDepth) {
        try (JsonParser parser = PARSERS.createParser(new StringReader(json))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                return Optional.empty();
            }
            JsonObject object = rest(parser, maxDepth);
            return object == null || parser.hasNext() ? Optional.empty() : Optional.of(object);
        } catch (JsonException | NoSuchElementException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    /** Reads the object whose START_OBJECT was just read, iteratively. @return {@code null} if a rule is broken */
    private static JsonObject rest(JsonParser parser, int maxDepth) {
        Deque<Container> open = new ArrayDeque<>();
        open.push(Container.object());
        while (true) {
            JsonParser.Event event = parser.next();
            Container top = open.peek();
            switch (event) {
                case KEY_NAME -> {
                    if (!top.name(parser.getString())) {
                        return null;
                    }
                }
                case START_OBJECT, START_ARRAY -> {
                    if (open.size() >= maxDepth) {
                        return null;
                    }
                    open.push(event == JsonParser.Event.START_OBJECT ? Container.object() : Container.array());
                }
                case END_OBJECT, END_ARRAY -> {
                    JsonValue done = open.pop().build();
                    if (open.isEmpty()) {
                        return (JsonObject) done;
                    }
                    open.peek().add(done);
                }
                case VALUE_NUMBER -> {
                    JsonValue number = number(parser);
                    if (number == null) {
                        return null;
                    }
                    top.add(number);
                }
                default -> top.add(parser.getValue());
            }
        }
    }

    private static JsonValue number(JsonParser parser) {
        String text = parser.getString();
        if (text.length() > MAX_NUMBER_CHARS || exponentDigits(text) > MAX_EXPONENT_DIGITS) {
            return null;
        }
        if (parser.isIntegralNumber() && text.length() <= LONG_SAFE_DIGITS) {
            return PROVIDER.createValue(parser.getLong());
        }
        BigDecimal value = parser.getBigDecimal();
        return Math.abs((long) value.scale()) > MAX_SCALE ? null : PROVIDER.createValue(value);
    }

    /**
     * Found by fuzzing: {@code 1e99999999999} overflows {@link BigDecimal}'s int exponent, and Parsson's
     * {@code getBigDecimal} throws {@code NumberFormatException}. The exponent is bounded on the text first.
     *
     * @return the number of significant digits in the exponent of a JSON number's text, 0 if it has none
     */
    private static int exponentDigits(String number) {
        int e = Math.max(number.indexOf('e'), number.indexOf('E'));
        if (e < 0) {
            return 0;
        }
        int first = e + 1;
        while (first < number.length() && (number.charAt(first) == '+' || number.charAt(first) == '-'
                || number.charAt(first) == '0')) {
            first++;
        }
        return number.length() - first;
    }

    /** An object or array being read, with the names its object members already used. */
    private static final class Container {

        private final JsonObjectBuilder object;
        private final JsonArrayBuilder array;
        private final Set<String> names;
        private String name;

        private Container(JsonObjectBuilder object, JsonArrayBuilder array) {
            this.object = object;
            this.array = array;
            this.names = object == null ? null : new HashSet<>();
        }

        static Container object() {
            return new Container(PROVIDER.createObjectBuilder(), null);
        }

        static Container array() {
            return new Container(null, PROVIDER.createArrayBuilder());
        }

        /** @return {@code false} if the name was used before in this object */
        boolean name(String next) {
            name = next;
            return names.add(next);
        }

        void add(JsonValue value) {
            if (object != null) {
                object.add(name, value);
            } else {
                array.add(value);
            }
        }

        JsonValue build() {
            return object != null ? object.build() : array.build();
        }
    }
}
