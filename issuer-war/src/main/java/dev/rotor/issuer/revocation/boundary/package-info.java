/** Revocation over HTTP: RFC 7009 token revocation. */
package dev.rotor.issuer.revocation.boundary;
