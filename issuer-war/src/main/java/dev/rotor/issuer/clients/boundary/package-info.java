/** Clients over HTTP: how a token request's client credentials are read. */
package dev.rotor.issuer.clients.boundary;
