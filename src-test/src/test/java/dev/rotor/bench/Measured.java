package dev.rotor.bench;

/** One measurement of a round: what ran, its rate, and the 1-minute load average just before and just after. */
record Measured(int round, String variant, double perSecond, String detail, LoadAverage before, LoadAverage after) {
}
