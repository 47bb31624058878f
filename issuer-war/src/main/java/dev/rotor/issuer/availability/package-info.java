/**
 * Availability: the one sealed exception for "a back end is unavailable" and the one rule for which Redis failures
 * are outages. Every component may use it; it uses none.
 */
package dev.rotor.issuer.availability;
