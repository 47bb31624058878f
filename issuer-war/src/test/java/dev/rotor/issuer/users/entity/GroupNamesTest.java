package dev.rotor.issuer.users.entity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GroupNamesTest {

    @Test
    void validGroupsAreCopiedImmutably() {
        Set<String> mutable = new HashSet<>(Set.of("rotor-admin", "app:reader", "team.a"));
        Set<String> groups = GroupNames.require(mutable);
        mutable.add("sneaked-in");
        assertEquals(Set.of("rotor-admin", "app:reader", "team.a"), groups);
        assertThrows(UnsupportedOperationException.class, () -> groups.add("x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a,b", "*", "../x", "a\nb", "a b", ":x", "a@b"})
    void hostileGroupNamesAreRefused(String group) {
        assertThrows(InvalidGroupException.class, () -> GroupNames.require(Set.of(group)));
    }

    @Test
    void atMostThirtyTwoGroups() {
        Set<String> groups = IntStream.range(0, 32).mapToObj(i -> "g" + i).collect(Collectors.toSet());
        assertEquals(32, GroupNames.require(groups).size());
        groups.add("g32");
        assertThrows(InvalidGroupException.class, () -> GroupNames.require(groups));
    }

    @Test
    void nullGroupsAndNullNamesAreRefused() {
        assertThrows(InvalidGroupException.class, () -> GroupNames.require(null));
        Set<String> withNull = new HashSet<>();
        withNull.add(null);
        assertThrows(InvalidGroupException.class, () -> GroupNames.require(withNull));
    }

    @Test
    void groupNamesLongerThanSixtyFourAreRefused() {
        GroupNames.require(Set.of("g".repeat(64)));
        assertThrows(InvalidGroupException.class, () -> GroupNames.require(Set.of("g".repeat(65))));
    }
}
