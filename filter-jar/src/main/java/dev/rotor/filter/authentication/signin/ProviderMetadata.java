package dev.rotor.filter.authentication.signin;

import java.net.URI;

/**
 * The issuer's endpoints, from its discovery document, whose {@code issuer} equals {@code rotor.issuer} exactly.
 *
 * @param endSession the RP-Initiated Logout endpoint, or {@code null} if the issuer has none
 * @param revocation the RFC 7009 endpoint, or {@code null}
 */
record ProviderMetadata(URI authorization, URI token, URI endSession, URI revocation, boolean issParameter) {
}
