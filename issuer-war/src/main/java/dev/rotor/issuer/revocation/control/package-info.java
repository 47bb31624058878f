/** Revocation: blacklist writes with a TTL of one token lifetime, published to every verifier. */
package dev.rotor.issuer.revocation.control;
