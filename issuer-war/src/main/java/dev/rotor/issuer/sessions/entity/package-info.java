/**
 * Session values: a newly issued refresh-token session, the outcome of a rotation, what an administrator may see of
 * a session, and the shape of a session id. No value here except {@link dev.rotor.issuer.sessions.entity.IssuedSession}
 * and {@link dev.rotor.issuer.sessions.entity.RotationResult.Rotated} carries a refresh token, and neither prints it.
 */
package dev.rotor.issuer.sessions.entity;
