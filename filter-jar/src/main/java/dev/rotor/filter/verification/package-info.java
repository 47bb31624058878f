/**
 * Verification of access tokens: the algorithm allow-list, key resolution by {@code kid} from the issuer's JWKS,
 * and the claim checks.
 */
package dev.rotor.filter.verification;
