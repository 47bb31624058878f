/**
 * Authentication: the two ways an application uses Rotor. Declare {@link dev.rotor.filter.authentication.JwtFilter}
 * in {@code web.xml}, or let Jakarta Security use {@link dev.rotor.filter.authentication.JwtAuthenticationMechanism}
 * by setting the {@code rotor.issuer} context-param. Both extract the bearer token, verify it, and either let the
 * request through as the token's subject and groups or answer in the RFC 6750 format.
 */
package dev.rotor.filter.authentication;
