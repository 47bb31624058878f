package dev.rotor.it.bench;

/** One way of guarding the same endpoint; each runs in a Payara Micro JVM of its own. */
enum Variant {
    UNPROTECTED("unprotected", false),
    FILTER("Rotor JwtFilter", true),
    /** The filter with {@code rotor.container-login=off}: no Jakarta Authentication round trip per request. */
    FILTER_NO_LOGIN("Rotor JwtFilter, container-login off", true),
    /**
     * An experiment, not a configuration: the filter with container login off in a WAR whose rotor-filter jar lacks
     * {@code JwtAuthenticationMechanism}, so Jakarta Security installs no authentication module for the application
     * at all. It measures what the remaining per-request Jakarta Authentication pass costs.
     */
    FILTER_NO_JASPIC("Rotor JwtFilter, container-login off, no mechanism bean (experiment)", true),
    MECHANISM("Rotor mechanism", true),
    MP_JWT("Payara MP-JWT", true);

    private final String label;
    private final boolean verifies;

    Variant(String label, boolean verifies) {
        this.label = label;
        this.verifies = verifies;
    }

    String label() {
        return label;
    }

    /** Whether this variant refuses a request without a valid token. */
    boolean verifies() {
        return verifies;
    }
}
