/**
 * Authorization over HTTP: the authorization endpoint and the end-session endpoint, each answering in the browser
 * with issuer pages for what cannot go back to a client, and with redirects to registered URIs only.
 */
package dev.rotor.issuer.authorization.boundary;
