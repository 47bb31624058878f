/** The issuer's JAX-RS application and the mapping of failures to RFC 9457 problem details. */
package dev.rotor.issuer.http;
