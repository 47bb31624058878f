package dev.rotor.issuer.users.entity;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserTest {

    private static final String HASH = "PBKDF2WithHmacSHA256:600000:c2FsdA==:aGFzaA==";

    @Test
    void toStringNeverShowsThePasswordHash() {
        User user = new User("alice", HASH, Set.of("staff"), false, Instant.EPOCH);
        String text = user.toString();
        assertTrue(text.contains("alice"));
        assertTrue(text.contains("staff"));
        assertFalse(text.contains("PBKDF2"));
        assertFalse(text.contains("aGFzaA"));
    }

    @Test
    void groupsCannotBeChangedAfterwards() {
        Set<String> groups = new HashSet<>(Set.of("staff"));
        User user = new User("alice", HASH, groups, false, Instant.EPOCH);
        groups.add("rotor-admin");
        assertFalse(user.groups().contains("rotor-admin"));
        assertThrows(UnsupportedOperationException.class, () -> user.groups().add("rotor-admin"));
    }

    @Test
    void anInvalidUsernameCannotBeAUser() {
        assertThrows(InvalidUsernameException.class, () -> new User("../x", HASH, Set.of(), false, Instant.EPOCH));
    }
}
