package dev.rotor.issuer.operations.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;

/**
 * Registers the gauge {@value #NAME} (seconds), rendered as {@code rotor_signing_key_age_seconds}. While there is
 * no signing key the gauge has no value, and Payara leaves the sample out rather than report a made-up age.
 */
@ApplicationScoped
public class KeyAgeGauge {

    public static final String NAME = "rotor.signing.key.age";

    private final MetricRegistry registry;
    private final SigningKeyAge age;

    @Inject
    public KeyAgeGauge(MetricRegistry registry, SigningKeyAge age) {
        this.registry = registry;
        this.age = age;
    }

    protected KeyAgeGauge() {
        this(null, null);
    }

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        registry.gauge(Metadata.builder()
                        .withName(NAME)
                        .withDescription("Seconds since this instance's signing key was generated")
                        .withUnit(MetricUnits.SECONDS)
                        .build(),
                age, KeyAgeGauge::seconds);
    }

    static Long seconds(SigningKeyAge age) {
        return age.age().map(duration -> duration.toSeconds()).orElse(null);
    }
}
