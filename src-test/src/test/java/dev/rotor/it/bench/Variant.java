package dev.rotor.it.bench;

/** One way of guarding the same endpoint; each runs in a Payara Micro JVM of its own. */
enum Variant {
    UNPROTECTED("unprotected", false),
    FILTER("Rotor JwtFilter", true),
    /** The filter with {@code rotor.container-login=off}: no Jakarta Authentication round trip per request. */
    FILTER_NO_LOGIN("Rotor JwtFilter, container-login off", true),
    /**
     * The filter with container login off in an application that opts into {@code FilterOnly}, so Jakarta Security
     * installs no authentication module for it and the container runs none per request.
     */
    FILTER_ONLY("Rotor JwtFilter, FilterOnly, container-login off", true),
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
