/**
 * Tokens: the password and refresh-token grants, returning sealed outcomes, and the signing of access tokens
 * (RFC 9068) with this instance's published key.
 */
package dev.rotor.issuer.tokens.control;
