package dev.rotor.issuer.users.entity;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The group rule: at most {@value #MAX_GROUPS} groups, each 1 to 64 characters, letters, digits and {@code ._:-},
 * starting with a letter or digit. A comma can never occur, so groups can be stored comma-joined.
 */
public final class GroupNames {

    public static final int MAX_GROUPS = 32;
    private static final int MAX_LENGTH = 64;
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    private GroupNames() {
    }

    public static boolean isValid(String group) {
        return group != null && group.length() <= MAX_LENGTH && VALID.matcher(group).matches();
    }

    /** Returns an immutable copy of the groups, or throws {@link InvalidGroupException}. */
    public static Set<String> require(Set<String> groups) {
        if (groups == null || groups.size() > MAX_GROUPS) {
            throw new InvalidGroupException();
        }
        for (String group : groups) {
            if (!isValid(group)) {
                throw new InvalidGroupException();
            }
        }
        return Set.copyOf(groups);
    }
}
