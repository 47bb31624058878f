package dev.rotor.filter.authentication.signin;

import dev.rotor.filter.protocol.JsonWebKey;
import dev.rotor.filter.protocol.JwsAlgorithm;
import dev.rotor.filter.verification.SignedJws;
import dev.rotor.filter.verification.TokenRejectedException;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Validates an ID token (OpenID Connect Core §3.1.3.7): the signature by a key the verifier's own key resolver
 * finds by {@code kid}, with that key's one algorithm; {@code iss}; {@code aud} holding the client (and
 * {@code azp} naming it when there are several); {@code exp} and {@code iat} within the leeway; and the
 * {@code nonce} this browser was given. Immutable and thread-safe.
 */
final class IdTokenCheck {

    static final int MAX_LENGTH = 16 * 1024;

    private final Function<String, Optional<JsonWebKey>> keys;
    private final Set<JwsAlgorithm> algorithms;
    private final String issuer;
    private final String clientId;
    private final Duration leeway;
    private final Clock clock;

    IdTokenCheck(Function<String, Optional<JsonWebKey>> keys, Set<JwsAlgorithm> algorithms, String issuer,
                 String clientId, Duration leeway, Clock clock) {
        this.keys = keys;
        this.algorithms = Set.copyOf(algorithms);
        this.issuer = issuer;
        this.clientId = clientId;
        this.leeway = leeway;
        this.clock = clock;
    }

    /**
     * @return the {@code sid} of the issuer session it names, or {@code null}
     * @throws SignInFailedException if the token does not validate
     */
    String verify(String idToken, String expectedNonce) {
        SignedJws jws;
        try {
            jws = SignedJws.parse(idToken, MAX_LENGTH);
        } catch (TokenRejectedException e) {
            throw refused("malformed");
        }
        JsonObject header = jws.header();
        JwsAlgorithm algorithm = JwsAlgorithm.named(text(header, "alg")).filter(algorithms::contains)
                .orElseThrow(() -> refused("algorithm"));
        String type = text(header, "typ");
        if ((type != null && !type.equalsIgnoreCase("JWT")) || header.containsKey("crit")) {
            throw refused("header");
        }
        JsonWebKey key = Optional.ofNullable(text(header, "kid")).flatMap(keys)
                .filter(found -> found.algorithm() == algorithm).orElseThrow(() -> refused("key"));
        if (!jws.isSignedBy(key)) {
            throw refused("signature");
        }
        checkClaims(jws.claims(), expectedNonce);
        return text(jws.claims(), "sid");
    }

    private void checkClaims(JsonObject claims, String expectedNonce) {
        Instant now = clock.instant();
        if (!issuer.equals(text(claims, "iss")) || text(claims, "sub") == null || text(claims, "sub").isEmpty()) {
            throw refused("iss or sub");
        }
        JsonValue audience = claims.get("aud");
        boolean ours = audience instanceof JsonString single ? clientId.equals(single.getString())
                : audience instanceof JsonArray many && many.contains(Json.createValue(clientId))
                && (many.size() == 1 || clientId.equals(text(claims, "azp")));
        if (!ours) {
            throw refused("aud");
        }
        Instant expires = seconds(claims, "exp");
        Instant issued = seconds(claims, "iat");
        if (!now.minus(leeway).isBefore(expires) || issued.isAfter(now.plus(leeway))) {
            throw refused("exp or iat");
        }
        if (expectedNonce == null || !expectedNonce.equals(text(claims, "nonce"))) {
            throw refused("nonce");
        }
    }

    private static Instant seconds(JsonObject claims, String name) {
        if (!(claims.get(name) instanceof JsonNumber number) || !number.isIntegral()
                || number.toString().length() > 12) {
            throw refused(name);
        }
        return Instant.ofEpochSecond(number.longValue());
    }

    private static String text(JsonObject json, String name) {
        return json.get(name) instanceof JsonString value ? value.getString() : null;
    }

    private static SignInFailedException refused(String what) {
        return new SignInFailedException("the ID token is not valid (" + what + ")");
    }
}
