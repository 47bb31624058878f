package dev.rotor.filter.verification;

import dev.rotor.filter.configuration.VerifierConfig;
import dev.rotor.filter.verification.TokenRejectedException.Reason;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;

/**
 * The registered claims (RFC 7519 §4.1) checked against the configuration and the clock: {@code iss} equal to
 * the issuer, {@code aud} naming the audience, and the NumericDates {@code exp} (required, not past),
 * {@code iat} (required) and {@code nbf} (optional), neither in the future, each with the leeway. A NumericDate
 * must be a whole number of seconds from 0 to the end of year 9999; anything else is malformed.
 */
final class TokenTimes {

    private static final BigDecimal LATEST = BigDecimal.valueOf(Instant.parse("9999-12-31T23:59:59Z").getEpochSecond());

    private final String issuer;
    private final String audience;
    private final long leewaySeconds;
    private final Clock clock;

    TokenTimes(VerifierConfig config, Clock clock) {
        this.issuer = config.issuer().toString();
        this.audience = config.audience();
        this.leewaySeconds = config.leeway().toSeconds();
        this.clock = clock;
    }

    void requireIssuerAndAudience(JsonObject claims) {
        if (!(claims.get("iss") instanceof JsonString iss) || !issuer.equals(iss.getString())) {
            throw new TokenRejectedException(Reason.WRONG_ISSUER);
        }
        JsonValue aud = claims.get("aud");
        boolean ours = aud instanceof JsonString single ? audience.equals(single.getString())
                : aud != null && aud.getValueType() == JsonValue.ValueType.ARRAY
                  && aud.asJsonArray().stream().anyMatch(v -> v instanceof JsonString s && audience.equals(s.getString()));
        if (!ours) {
            throw new TokenRejectedException(Reason.WRONG_AUDIENCE);
        }
    }

    /** @return the {@code exp} */
    Instant requireUnexpired(JsonObject claims) {
        Instant expiresAt = required(claims, "exp");
        if (isExpired(expiresAt)) {
            throw new TokenRejectedException(Reason.EXPIRED);
        }
        return expiresAt;
    }

    /** @return the {@code iat} */
    Instant requireIssuedAlready(JsonObject claims) {
        Instant issuedAt = required(claims, "iat");
        requireNotFuture(issuedAt);
        return issuedAt;
    }

    void requireValidAlready(JsonObject claims) {
        Instant notBefore = numericDate(claims, "nbf");
        if (notBefore != null) {
            requireNotFuture(notBefore);
        }
    }

    /** Also used for cached tokens, so that a hit and a miss agree to the second. */
    boolean isExpired(Instant expiresAt) {
        return clock.instant().getEpochSecond() - leewaySeconds > expiresAt.getEpochSecond();
    }

    private void requireNotFuture(Instant time) {
        if (time.getEpochSecond() - leewaySeconds > clock.instant().getEpochSecond()) {
            throw new TokenRejectedException(Reason.NOT_YET_VALID);
        }
    }

    private static Instant required(JsonObject claims, String name) {
        Instant time = numericDate(claims, name);
        if (time == null) {
            throw new TokenRejectedException(Reason.MISSING_CLAIM);
        }
        return time;
    }

    /** @return the time, or {@code null} if the claim is absent or JSON {@code null} */
    private static Instant numericDate(JsonObject claims, String name) {
        JsonValue value = claims.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonNumber number) || !number.isIntegral() || number.bigDecimalValue().signum() < 0
                || number.bigDecimalValue().compareTo(LATEST) > 0) {
            throw new TokenRejectedException(Reason.MALFORMED);
        }
        return Instant.ofEpochSecond(number.longValue());
    }
}
