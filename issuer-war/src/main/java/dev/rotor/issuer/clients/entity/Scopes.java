package dev.rotor.issuer.clients.entity;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Scope values (RFC 6749 §3.3) and the OpenID Connect ones the issuer gives meaning to. */
public final class Scopes {

    public static final String OPENID = "openid";
    public static final String PROFILE = "profile";
    public static final String EMAIL = "email";
    /** What a client may ask for when it names no scopes. */
    public static final Set<String> DEFAULT = Set.of(OPENID, PROFILE, EMAIL);

    private static final Pattern TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,64}");
    private static final int MAX_SCOPES = 32;
    private static final int MAX_LENGTH = 1024;

    private Scopes() {
    }

    public static boolean isValid(String scope) {
        return scope != null && TOKEN.matcher(scope).matches();
    }

    /** The scopes of a space-delimited {@code scope} parameter, or empty if it is malformed. */
    public static Optional<Set<String>> parse(String parameter) {
        if (parameter == null || parameter.isEmpty() || parameter.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String[] values = parameter.split(" ", -1);
        if (values.length > MAX_SCOPES || !Arrays.stream(values).allMatch(Scopes::isValid)) {
            return Optional.empty();
        }
        return Optional.of(Set.copyOf(new LinkedHashSet<>(Arrays.asList(values))));
    }

    /** The space-delimited form, sorted, so equal sets print equally. */
    public static String format(Set<String> scopes) {
        return String.join(" ", new java.util.TreeSet<>(scopes));
    }
}
