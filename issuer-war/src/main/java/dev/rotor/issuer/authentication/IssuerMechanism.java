package dev.rotor.issuer.authentication;

import dev.rotor.filter.authentication.MechanismVerifier;
import dev.rotor.filter.authentication.Verifier;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;

/**
 * The filter-jar's authentication mechanism verifies the issuer's own callers with the issuer's verifier, instead
 * of one read from context-params. An alternative for the whole application, so it replaces the filter-jar's
 * producer; {@link VerifierProducer} keeps owning the verifier.
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
public class IssuerMechanism {

    @Produces
    @Singleton
    MechanismVerifier mechanism(Verifier verifier) {
        return MechanismVerifier.of(verifier);
    }
}
