/** The Redis client every component shares, and the embedded Redis of the quick start. */
package dev.rotor.issuer.redis;
