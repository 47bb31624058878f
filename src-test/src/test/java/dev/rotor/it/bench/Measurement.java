package dev.rotor.it.bench;

/**
 * One measured wrk run against one variant.
 *
 * @param cpuMicros the server JVM's CPU time (user + system) during the run
 */
record Measurement(int round, TokenMix mix, Variant variant, WrkResult wrk, long cpuMicros, String loadBefore,
                   String loadAfter) {

    double cpuMicrosPerRequest() {
        return wrk.requests() == 0 ? Double.NaN : (double) cpuMicros / wrk.requests();
    }
}
