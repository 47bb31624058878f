package dev.rotor.filter.configuration;

/** What the verifier does when its revocation state cannot be trusted because Redis has been silent too long. */
public enum FailPolicy {

    /** Refuse to decide: requests get 503. The default, because a revoked token must never pass. */
    CLOSED,

    /** Answer from the last known state and log a warning. An explicit, deliberate choice of availability. */
    OPEN
}
