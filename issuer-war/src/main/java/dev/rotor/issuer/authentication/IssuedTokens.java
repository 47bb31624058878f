package dev.rotor.issuer.authentication;

import dev.rotor.filter.authentication.Verifier;
import dev.rotor.filter.verification.BackendUnavailableException;
import dev.rotor.filter.verification.TokenRejectedException;
import dev.rotor.filter.verification.VerifiedToken;
import dev.rotor.issuer.availability.VerificationUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * Access tokens that the issuer's own code is handed as data (to revoke or introspect), checked by the same
 * verifier that protects its resources.
 */
@ApplicationScoped
public class IssuedTokens {

    private final Verifier verifier;

    @Inject
    public IssuedTokens(Verifier verifier) {
        this.verifier = verifier;
    }

    protected IssuedTokens() {
        this(null);
    }

    /**
     * @return the token if it is valid and not revoked, else empty
     * @throws VerificationUnavailableException if its revocation state cannot be checked now
     */
    public Optional<VerifiedToken> verified(String token) {
        try {
            return Optional.of(verifier.verify(token));
        } catch (TokenRejectedException e) {
            return Optional.empty();
        } catch (BackendUnavailableException e) {
            throw new VerificationUnavailableException(e);
        }
    }
}
