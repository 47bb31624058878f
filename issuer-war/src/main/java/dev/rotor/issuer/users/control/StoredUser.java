package dev.rotor.issuer.users.control;

import dev.rotor.issuer.users.entity.User;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The field layout of a user's Redis hash, and the conversion to and from {@link User}. */
final class StoredUser {

    static final String HASH = "hash";
    static final String GROUPS = "groups";
    static final String DISABLED = "disabled";
    static final String PASSWORD_CHANGED_AT = "passwordChangedAt";
    static final String NAME = "name";
    static final String EMAIL = "email";

    private StoredUser() {
    }

    static User read(String username, Map<String, String> fields) {
        String hash = fields.get(HASH);
        String changedAt = fields.get(PASSWORD_CHANGED_AT);
        if (hash == null || changedAt == null) {
            throw new IllegalStateException("the stored record of a user lacks its hash or passwordChangedAt");
        }
        return new User(username, hash, splitGroups(fields.getOrDefault(GROUPS, "")),
                !"0".equals(fields.get(DISABLED)), Instant.ofEpochMilli(Long.parseLong(changedAt)),
                emptyAsNull(fields.get(NAME)), emptyAsNull(fields.get(EMAIL)));
    }

    private static String emptyAsNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    static String joinGroups(Set<String> groups) {
        return String.join(",", new TreeSet<>(groups));
    }

    static String flag(boolean value) {
        return value ? "1" : "0";
    }

    private static Set<String> splitGroups(String joined) {
        if (joined.isEmpty()) {
            return Set.of();
        }
        return Arrays.stream(joined.split(",")).collect(Collectors.toUnmodifiableSet());
    }
}
