package dev.rotor.it.bench;

/** Which tokens the requests of a run carry. */
enum TokenMix {
    DISTINCT("distinct tokens"),
    SINGLE("one token");

    private final String label;

    TokenMix(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
