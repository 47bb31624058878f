/**
 * Operations: the security events that {@code /metrics} counts, and the age of the signing key. Counters and
 * gauges live in MicroProfile Metrics' application registry; Payara renders them in Prometheus text, e.g.
 * {@code rotor_tokens_issued_total}.
 */
package dev.rotor.issuer.operations.control;
