package dev.rotor.issuer.users.entity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UsernamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "admin", "Alice.Smith", "bob@example.com", "x-1_2", "0"})
    void ordinaryNamesAreValid(String username) {
        assertEquals(username.toLowerCase(java.util.Locale.ROOT), Usernames.require(username));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "*", "../x", "a\r\nb", "a b", ".hidden", "-x", "@x", "a,b", "a:b", "a*", "é", "a{b}"})
    void hostileNamesAreRefused(String username) {
        assertFalse(Usernames.isValid(username));
        assertThrows(InvalidUsernameException.class, () -> Usernames.require(username));
    }

    @Test
    void namesThatDifferOnlyInCaseAreOneUserInLowerCase() {
        assertEquals("alice.o-brien@example", Usernames.require("Alice.O-Brien@EXAMPLE"));
        assertEquals(Usernames.require("ADMIN"), Usernames.require("admin"));
    }

    @Test
    void nullIsRefused() {
        assertThrows(InvalidUsernameException.class, () -> Usernames.require(null));
    }

    @Test
    void sixtyFourCharactersAreTheLimit() {
        assertTrue(Usernames.isValid("a".repeat(64)));
        assertFalse(Usernames.isValid("a".repeat(65)));
        assertFalse(Usernames.isValid("a".repeat(10 * 1024)));
    }

    @Test
    void messageNeverEchoesTheInput() {
        String hostile = "evil\r\nROTOR-U999 forged log line";
        InvalidUsernameException e = assertThrows(InvalidUsernameException.class, () -> Usernames.require(hostile));
        assertFalse(e.getMessage().contains("evil"));
        assertFalse(e.getMessage().contains("forged"));
    }
}
