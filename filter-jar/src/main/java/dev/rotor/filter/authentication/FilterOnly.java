package dev.rotor.filter.authentication;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;

/**
 * Leaves {@link JwtAuthenticationMechanism} out of an application that is protected by {@link JwtFilter} alone, so
 * that Jakarta Security installs no authentication module for it and the container stops running one on every
 * request (BENCHMARKS.md, "HTTP verifiers under wrk": about 30 µs a request on Payara Micro). Nothing registers it:
 * an application opts in with the one line {@code dev.rotor.filter.authentication.FilterOnly} in its
 * {@code WEB-INF/classes/META-INF/services/jakarta.enterprise.inject.spi.Extension}, and sets
 * {@code rotor.container-login} to {@code off}, since without the mechanism there is nothing to log the caller in
 * to the container with.
 */
public class FilterOnly implements Extension {

    void leaveOutTheMechanism(@Observes ProcessAnnotatedType<JwtAuthenticationMechanism> mechanism) {
        mechanism.veto();
    }
}
