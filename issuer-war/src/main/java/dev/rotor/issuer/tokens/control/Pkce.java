package dev.rotor.issuer.tokens.control;

import dev.rotor.issuer.secrets.Digests;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.regex.Pattern;

/** PKCE S256 (RFC 7636 §4.6): {@code BASE64URL(SHA256(code_verifier)) == code_challenge}, in constant time. */
public final class Pkce {

    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

    private Pkce() {
    }

    /** Whether {@code verifier} is 43 to 128 unreserved characters (RFC 7636 §4.1). */
    public static boolean isVerifier(String verifier) {
        return verifier != null && VERIFIER.matcher(verifier).matches();
    }

    public static boolean matches(String verifier, String challenge) {
        return isVerifier(verifier) && challenge != null
                && MessageDigest.isEqual(Digests.sha256Base64url(verifier).getBytes(StandardCharsets.US_ASCII),
                challenge.getBytes(StandardCharsets.US_ASCII));
    }
}
