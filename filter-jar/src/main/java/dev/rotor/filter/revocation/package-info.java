/**
 * Revocation: the in-memory mirror of the Redis blacklist, fed by pub/sub and a snapshot, and the event format the
 * issuer publishes.
 */
package dev.rotor.filter.revocation;
