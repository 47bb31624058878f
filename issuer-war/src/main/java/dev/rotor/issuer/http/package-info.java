/**
 * HTTP plumbing every boundary shares: the wire formats of errors (RFC 9457 problems, RFC 6749 OAuth errors) and
 * their mappers, including the one mapping of an unavailable back end to 503; form parameters; and the headers of
 * HTML pages. It knows no component.
 */
package dev.rotor.issuer.http;
