/**
 * Clients: the registry of relying parties (declared in configuration, or registered through the admin API and
 * kept in Redis), their secrets (256 bits, only a hash stored) and the authentication of a token request's client.
 */
package dev.rotor.issuer.clients.control;
