package dev.rotor.issuer.sessions.control;

import dev.rotor.issuer.sessions.entity.SessionIds;

import java.util.regex.Pattern;

/**
 * The shapes accepted from callers. Anything else is answered as unknown without asking Redis, so hostile input
 * (globs, paths, CRLF, megabytes) never reaches a key name or a log line.
 */
final class SessionInputs {

    static final int MAX_TOKEN_LENGTH = 512;
    static final int MAX_SUBJECT_LENGTH = 512;
    static final int MAX_CLIENT_ID_LENGTH = 256;

    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+");

    private SessionInputs() {
    }

    static boolean isToken(String token) {
        return token != null && !token.isEmpty() && token.length() <= MAX_TOKEN_LENGTH
                && BASE64URL.matcher(token).matches();
    }

    static boolean isRid(String rid) {
        return SessionIds.isValid(rid);
    }

    static boolean isSubject(String subject) {
        return subject != null && !subject.isBlank() && subject.length() <= MAX_SUBJECT_LENGTH
                && hasNoControlCharacters(subject);
    }

    static boolean isClientId(String clientId) {
        return clientId != null && clientId.length() <= MAX_CLIENT_ID_LENGTH && hasNoControlCharacters(clientId);
    }

    private static boolean hasNoControlCharacters(String value) {
        return value.chars().noneMatch(Character::isISOControl);
    }
}
