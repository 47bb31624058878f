/** Keys: the signing key that never leaves RAM, its public half, and the states a key goes through. */
package dev.rotor.issuer.keys.entity;
