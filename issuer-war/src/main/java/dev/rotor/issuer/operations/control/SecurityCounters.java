package dev.rotor.issuer.operations.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The security events as MicroProfile Metrics counters in the application registry, e.g.
 * {@code rotor.tokens.issued}, which Payara renders as {@code rotor_tokens_issued_total}.
 */
@ApplicationScoped
public class SecurityCounters implements SecurityEvents {

    public static final String TOKENS_ISSUED = "rotor.tokens.issued";
    public static final String TOKENS_REFRESHED = "rotor.tokens.refreshed";
    public static final String REFRESH_REUSE = "rotor.refresh.reuse.detected";
    public static final String REVOCATIONS = "rotor.revocations";
    public static final String LOGIN_FAILURES = "rotor.login.failures";
    public static final String LOGIN_THROTTLED = "rotor.login.throttled";

    private final Counter issued;
    private final Counter refreshed;
    private final Counter reused;
    private final Counter revoked;
    private final Counter loginFailures;
    private final Counter loginThrottles;

    @Inject
    public SecurityCounters(MetricRegistry registry) {
        this.issued = counter(registry, TOKENS_ISSUED, "Access tokens signed, by login or refresh");
        this.refreshed = counter(registry, TOKENS_REFRESHED, "Refresh tokens rotated successfully");
        this.reused = counter(registry, REFRESH_REUSE, "Refresh tokens presented again; each revoked its session");
        this.revoked = counter(registry, REVOCATIONS, "Blacklist entries written: one session or all of one user");
        this.loginFailures = counter(registry, LOGIN_FAILURES, "Password logins refused for wrong credentials");
        this.loginThrottles = counter(registry, LOGIN_THROTTLED, "Password logins refused by the login throttle");
    }

    protected SecurityCounters() {
        this.issued = null;
        this.refreshed = null;
        this.reused = null;
        this.revoked = null;
        this.loginFailures = null;
        this.loginThrottles = null;
    }

    /** Creating this bean at start registers every counter, so each is scraped as 0 before its first event. */
    void registerAtStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // the constructor registered the counters
    }

    @Override
    public void tokenIssued() {
        issued.inc();
    }

    @Override
    public void refreshed() {
        refreshed.inc();
    }

    @Override
    public void reuseDetected() {
        reused.inc();
    }

    @Override
    public void revoked() {
        revoked.inc();
    }

    @Override
    public void loginFailed() {
        loginFailures.inc();
    }

    @Override
    public void loginThrottled() {
        loginThrottles.inc();
    }

    private static Counter counter(MetricRegistry registry, String name, String description) {
        return registry.counter(Metadata.builder().withName(name).withDescription(description).build());
    }
}
