package dev.rotor.issuer.clients.control;

import dev.rotor.issuer.secrets.Digests;
import dev.rotor.issuer.secrets.RandomTokens;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.regex.Pattern;

/**
 * Client secrets: 256 random bits, shown once; only their SHA-256 is kept. A secret of that entropy needs no slow
 * hash: SHA-256 cannot be reversed or guessed from it, and a plain hash compares in constant time.
 */
public final class ClientSecrets {

    static final int SECRET_BYTES = 32;
    static final int MAX_PRESENTED_LENGTH = 512;
    private static final Pattern HASH = Pattern.compile("[A-Za-z0-9_-]{43}");

    private ClientSecrets() {
    }

    /** A new secret; hand it to the administrator once and store {@link #hash} of it. */
    public static String generate() {
        return RandomTokens.base64url(SECRET_BYTES);
    }

    public static String hash(String secret) {
        return Digests.sha256Base64url(secret);
    }

    static boolean isHash(String value) {
        return value != null && HASH.matcher(value).matches();
    }

    /** Whether {@code presented} is the secret whose hash is {@code storedHash}, compared in constant time. */
    public static boolean matches(String presented, String storedHash) {
        if (presented == null || presented.isEmpty() || presented.length() > MAX_PRESENTED_LENGTH || storedHash == null) {
            return false;
        }
        return MessageDigest.isEqual(hash(presented).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
