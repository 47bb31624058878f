/** Keys over HTTP: the JWKS and the discovery document. */
package dev.rotor.issuer.keys.boundary;
