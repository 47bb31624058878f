package dev.rotor.issuer.authorization.control;

import dev.rotor.issuer.authorization.entity.AuthorizationRequest;
import dev.rotor.issuer.authorization.entity.Prompt;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignInRuleTest {

    private static final Instant REQUESTED = Instant.parse("2030-01-01T12:00:00Z");

    private static AuthorizationRequest request(Set<Prompt> prompts, Duration maxAge) {
        return new AuthorizationRequest("web", "https://app.example/cb", Set.of("openid"), "s", null, "c", prompts,
                maxAge, REQUESTED);
    }

    @Test
    void anEarlierLoginIsReusedWithoutPromptOrMaxAge() {
        assertTrue(SignInRule.isFreshEnough(request(Set.of(), null), REQUESTED.minus(Duration.ofDays(3)), REQUESTED));
    }

    @Test
    void promptLoginNeedsALoginAfterTheRequest() {
        AuthorizationRequest request = request(Set.of(Prompt.LOGIN), null);
        assertFalse(SignInRule.isFreshEnough(request, REQUESTED.minusMillis(1), REQUESTED));
        assertTrue(SignInRule.isFreshEnough(request, REQUESTED.plusSeconds(20), REQUESTED.plusSeconds(21)));
    }

    @Test
    void maxAgeBoundsTheAgeOfTheLogin() {
        AuthorizationRequest request = request(Set.of(), Duration.ofMinutes(5));
        assertTrue(SignInRule.isFreshEnough(request, REQUESTED.minus(Duration.ofMinutes(5)), REQUESTED));
        assertFalse(SignInRule.isFreshEnough(request, REQUESTED.minus(Duration.ofMinutes(5)).minusSeconds(1),
                REQUESTED));
        assertTrue(SignInRule.isFreshEnough(request(Set.of(), Duration.ZERO), REQUESTED, REQUESTED.plusSeconds(2)),
                "max_age=0 is met by the login the request led to");
    }
}
