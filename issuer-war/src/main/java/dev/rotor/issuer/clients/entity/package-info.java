/**
 * Client values: a registered relying party and the strict rules for its id, redirect URIs, grant types and
 * scopes. No value here prints a secret hash.
 */
package dev.rotor.issuer.clients.entity;
