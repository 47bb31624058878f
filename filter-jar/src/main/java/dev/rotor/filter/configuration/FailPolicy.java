package dev.rotor.filter.configuration;

/** What the verifier does when the revocation state cannot be trusted. */
public enum FailPolicy {
    /** Answer 503: a token that cannot be checked is never accepted. The default. */
    CLOSED,
    /** Accept tokens whose signature and claims are valid, without the revocation check. */
    OPEN
}
