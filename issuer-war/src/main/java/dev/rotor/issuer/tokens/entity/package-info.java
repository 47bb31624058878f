/**
 * Token values: a newly issued refresh-token session, the outcome of a refresh, and what an administrator may see
 * of a session. No value here except {@link dev.rotor.issuer.tokens.entity.IssuedSession} and
 * {@link dev.rotor.issuer.tokens.entity.RotationResult.Rotated} carries a refresh token, and neither prints it.
 */
package dev.rotor.issuer.tokens.entity;
