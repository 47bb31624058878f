package dev.rotor.filter.authentication;

import java.util.Objects;
import java.util.Optional;

/**
 * The verifier of {@link JwtAuthenticationMechanism} in one application, or none when the application does not
 * configure the mechanism. CDI owns it: {@link MechanismVerifierProducer} starts it and closes it. An application
 * that builds its verifier in code produces an {@code @Alternative} of this type instead, as the issuer does.
 */
public final class MechanismVerifier {

    private static final MechanismVerifier INACTIVE = new MechanismVerifier(null);

    private final Verifier verifier;
    private final Challenges challenges;

    private MechanismVerifier(Verifier verifier) {
        this.verifier = verifier;
        this.challenges = verifier == null ? null : new Challenges(verifier.config().realm());
    }

    public static MechanismVerifier of(Verifier verifier) {
        return new MechanismVerifier(Objects.requireNonNull(verifier, "verifier"));
    }

    static MechanismVerifier inactive() {
        return INACTIVE;
    }

    /** The verifier, or empty when the mechanism is inactive in this application. */
    public Optional<Verifier> verifier() {
        return Optional.ofNullable(verifier);
    }

    /** The answers of the active mechanism, built once rather than per request; null when inactive. */
    Challenges challenges() {
        return challenges;
    }
}
