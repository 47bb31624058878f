package dev.rotor.issuer.authorization.control;

import dev.rotor.issuer.authorization.entity.AuthorizationRequest;
import dev.rotor.issuer.authorization.entity.Prompt;

import java.time.Instant;

/**
 * Whether the user's current issuer sign-in may answer a request without asking for the password (single sign-on).
 * A login after the request always may: it is the one the request asked for. Else {@code prompt=login} needs a new
 * one, and {@code max_age} a login no older than it.
 */
final class SignInRule {

    private SignInRule() {
    }

    static boolean isFreshEnough(AuthorizationRequest request, Instant authTime, Instant now) {
        if (!authTime.isBefore(request.requestedAt())) {
            return true;
        }
        if (request.prompts().contains(Prompt.LOGIN)) {
            return false;
        }
        return request.maxAge() == null || !now.isAfter(authTime.plus(request.maxAge()));
    }
}
