package dev.rotor.issuer.admin.boundary;

import dev.rotor.issuer.http.ProblemException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonBodiesTest {

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "[]", "\"x\"", "null", "{", "{\"a\":1}}", "{\"a\":1,}", "{'a':1}",
            "{\"a\":1,\"a\":2}", "{\"a\":[[[[1]]]]}"})
    void anythingButOneJsonObjectIsABadRequest(String body) {
        assertEquals(400, assertThrows(ProblemException.class, () -> JsonBodies.object(body)).problem().status());
    }

    @ParameterizedTest
    @ValueSource(ints = {1_101, 5_000, 15_000})
    void aHugeNumberIsABadRequestNotAServerError(int digits) {
        String integer = "{\"username\":\"a\",\"n\":" + "9".repeat(digits) + "}";
        String fraction = "{\"username\":\"a\",\"n\":0." + "1".repeat(digits) + "}";

        assertEquals(400, assertThrows(ProblemException.class, () -> JsonBodies.object(integer)).problem().status());
        assertEquals(400, assertThrows(ProblemException.class, () -> JsonBodies.object(fraction)).problem().status());
    }

    /** Found by AdminBodiesFuzzTest: Parsson refuses 1,000 levels with a bare RuntimeException, which was a 500. */
    @ParameterizedTest
    @ValueSource(ints = {5, 1_001, 8_000})
    void deepNestingIsABadRequestNotAServerError(int depth) {
        String body = "{\"groups\":" + "[".repeat(depth) + "]".repeat(depth) + "}";

        assertEquals(400, assertThrows(ProblemException.class, () -> JsonBodies.object(body)).problem().status());
    }

    @org.junit.jupiter.api.Test
    void limitsAreThoseOfUntrustedJson() {
        assertEquals(1, JsonBodies.object("{\"a\":[[[1]]]}").size(), "4 deep");
        assertEquals(1, JsonBodies.object("{\"n\":" + "9".repeat(64) + "}").size());
        assertThrows(ProblemException.class, () -> JsonBodies.object("{\"n\":" + "9".repeat(65) + "}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"groups\":\"user\"}", "{\"groups\":[1]}", "{\"groups\":[null]}", "{}"})
    void groupsMustBeAnArrayOfStrings(String body) {
        assertThrows(ProblemException.class, () -> JsonBodies.strings(JsonBodies.object(body), "groups"));
    }

    @org.junit.jupiter.api.Test
    void groupsAreReadInOrderWithoutDuplicates() {
        assertEquals(Set.of("a", "b"), JsonBodies.strings(JsonBodies.object("{\"groups\":[\"a\",\"b\",\"a\"]}"), "groups"));
    }
}
