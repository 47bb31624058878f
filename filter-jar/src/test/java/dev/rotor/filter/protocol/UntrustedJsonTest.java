package dev.rotor.filter.protocol;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UntrustedJsonTest {

    @Test
    void readsAnObjectWithEveryKindOfValue() {
        var json = UntrustedJson.readObject(
                "{\"s\":\"x\",\"i\":42,\"d\":1.5,\"t\":true,\"f\":false,\"n\":null,\"a\":[1,{\"b\":[]}],\"o\":{}}", 4)
                .orElseThrow();

        assertEquals("x", json.getString("s"));
        assertEquals(42L, json.getJsonNumber("i").longValueExact());
        assertEquals(new BigDecimal("1.5"), json.getJsonNumber("d").bigDecimalValue());
        assertTrue(json.getBoolean("t"));
        assertTrue(json.isNull("n"));
        assertEquals(2, json.getJsonArray("a").size());
        assertEquals(0, json.getJsonArray("a").getJsonObject(1).getJsonArray("b").size());
    }

    @Test
    void depthIsCountedFromTheTopObject() {
        assertTrue(UntrustedJson.readObject("{\"a\":{\"b\":[1]}}", 3).isPresent());
        assertTrue(UntrustedJson.readObject("{\"a\":{\"b\":[1]}}", 2).isEmpty());
        assertTrue(UntrustedJson.readObject("{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}", 16).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "[]", "\"x\"", "1", "null", "{", "{}{}", "{} x", "{\"a\":1,\"a\":2}",
        "{\"o\":{\"a\":1,\"a\":1}}", "{\"a\":[{\"k\":1,\"k\":2}]}", "{\"a\":01}", "{\"a\":1.}", "{\"a\":-}",
        "{\"a\":1e}", "{\"a\":NaN}", "{\"a\":\"\\x\"}", "{\"a\":\"\u0001\"}", "{a:1}", "{\"a\":1,}"})
    void anythingButOneWellFormedObjectWithUniqueNamesIsEmpty(String json) {
        assertTrue(UntrustedJson.readObject(json, 8).isEmpty(), json);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e401", "1e-401", "1e999999999", "-1E+999999999", "0.0e-999999999", "1e9999999999999",
        "1E-99999999999999999999", "1e+0000000000000000000009999"})
    void exponentsBeyondTheScaleLimitAreEmpty(String number) {
        assertTrue(UntrustedJson.readObject("{\"a\":" + number + "}", 2).isEmpty(), number);
    }

    @Test
    void numbersUpToTheLengthLimitAreRead() {
        String longest = "9".repeat(UntrustedJson.MAX_NUMBER_CHARS);

        assertEquals(new BigDecimal(longest),
                UntrustedJson.readObject("{\"a\":" + longest + "}", 2).orElseThrow().getJsonNumber("a").bigDecimalValue());
        assertTrue(UntrustedJson.readObject("{\"a\":" + longest + "9}", 2).isEmpty());
        assertTrue(UntrustedJson.readObject("{\"a\":1e400}", 2).isPresent());
    }
}
