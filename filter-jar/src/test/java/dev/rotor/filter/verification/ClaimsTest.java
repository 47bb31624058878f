package dev.rotor.filter.verification;

import dev.rotor.filter.verification.TokenRejectedException.Reason;
import dev.rotor.testsupport.TokenFixture;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.rotor.filter.verification.Rejections.rejectedAs;
import static dev.rotor.filter.verification.Rejections.rejectedAsOneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Registered and Rotor claims: each missing, wrong or mistyped one is rejected. */
class ClaimsTest {

    private final TokenFixture fixture = new TokenFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    private String token(JsonObjectBuilder claims) {
        return fixture.rs256(claims.build().toString());
    }

    private String tokenWithRaw(String name, String rawJsonValue) {
        String claims = fixture.claims().remove(name).build().toString();
        return fixture.rs256(claims.substring(0, claims.length() - 1) + ",\"" + name + "\":" + rawJsonValue + "}");
    }

    private long now() {
        return fixture.now().getEpochSecond();
    }

    @Test
    void expiredTokenIsRejectedBeyondLeewayOnly() {
        String token = token(fixture.claims().add("exp", now() - 29));
        assertEquals("alice", fixture.verifier.verify(token).subject());

        rejectedAs(fixture, token(fixture.claims().add("exp", now() - 31)), Reason.EXPIRED);
    }

    @Test
    void expMustBePresentAndNumeric() {
        rejectedAs(fixture, token(fixture.claims().remove("exp")), Reason.MISSING_CLAIM);
        rejectedAsOneOf(fixture, tokenWithRaw("exp", "null"), Reason.MISSING_CLAIM, Reason.MALFORMED);
        rejectedAs(fixture, tokenWithRaw("exp", "\"" + (now() + 600) + "\""), Reason.MALFORMED);
        rejectedAs(fixture, tokenWithRaw("exp", "true"), Reason.MALFORMED);
        rejectedAs(fixture, tokenWithRaw("exp", "[" + (now() + 600) + "]"), Reason.MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e30", "1E+300", "9223372036854775807", "9223372036854775808", "-1e30"})
    void absurdExpValuesNeverOverflowIntoAcceptance(String exp) {
        Rejections.rejected(fixture, tokenWithRaw("exp", exp));
    }

    @Test
    void tokenNotYetValidBeyondLeewayIsRejected() {
        rejectedAs(fixture, token(fixture.claims().add("nbf", now() + 31)), Reason.NOT_YET_VALID);
        assertEquals("alice", fixture.verifier.verify(token(fixture.claims().add("nbf", now() + 29))).subject());
    }

    @Test
    void tokenIssuedInTheFutureBeyondLeewayIsRejected() {
        rejectedAs(fixture, token(fixture.claims().add("iat", now() + 31)), Reason.NOT_YET_VALID);
    }

    @Test
    void iatIsRequired() {
        rejectedAs(fixture, token(fixture.claims().remove("iat")), Reason.MISSING_CLAIM);
    }

    @Test
    void wrongOrAbsentIssuerIsRejected() {
        rejectedAs(fixture, token(fixture.claims().add("iss", "https://evil.example.com")), Reason.WRONG_ISSUER);
        rejectedAs(fixture, token(fixture.claims().add("iss", fixture.config.issuer() + "/")), Reason.WRONG_ISSUER);
        rejectedAsOneOf(fixture, token(fixture.claims().remove("iss")), Reason.WRONG_ISSUER, Reason.MISSING_CLAIM);
    }

    @Test
    void wrongAbsentOrEmptyAudienceIsRejected() {
        rejectedAs(fixture, token(fixture.claims().add("aud", "billing")), Reason.WRONG_AUDIENCE);
        rejectedAs(fixture, token(fixture.claims().add("aud", Json.createArrayBuilder())), Reason.WRONG_AUDIENCE);
        rejectedAsOneOf(fixture, token(fixture.claims().remove("aud")), Reason.WRONG_AUDIENCE, Reason.MISSING_CLAIM);
    }

    @Test
    void audienceListContainingOursIsAccepted() {
        String token = token(fixture.claims().add("aud", Json.createArrayBuilder().add("billing").add("orders")));

        assertEquals("alice", fixture.verifier.verify(token).subject());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sub", "jti", "rid"})
    void identifyingClaimsAreRequired(String claim) {
        rejectedAs(fixture, token(fixture.claims().remove(claim)), Reason.MISSING_CLAIM);
        rejectedAs(fixture, token(fixture.claims().add(claim, "")), Reason.MISSING_CLAIM);
        rejectedAsOneOf(fixture, token(fixture.claims().add(claim, 42)), Reason.MISSING_CLAIM, Reason.MALFORMED);
        rejectedAsOneOf(fixture, tokenWithRaw(claim, "null"), Reason.MISSING_CLAIM, Reason.MALFORMED);
    }

    @Test
    void groupsMustBeAListOfStrings() {
        rejectedAs(fixture, token(fixture.claims().add("groups", "admin")), Reason.MALFORMED);
        rejectedAs(fixture, token(fixture.claims().add("groups", Json.createArrayBuilder().add(1))), Reason.MALFORMED);
    }

    @Test
    void claimsThatAreNotAnObjectAreMalformed() {
        for (String claims : new String[]{"[]", "\"x\"", "null", "{\"sub\":\"a\",\"sub\":\"b\"}"}) {
            rejectedAs(fixture, fixture.rs256(claims), Reason.MALFORMED);
        }
    }
}
