/** Secrets: how the issuer makes unguessable values and hashes what it must not store as it is. */
package dev.rotor.issuer.secrets;
