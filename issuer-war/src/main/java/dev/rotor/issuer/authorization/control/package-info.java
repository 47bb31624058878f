/**
 * Authorization: the authorization endpoint's rules (exact redirect URIs, PKCE S256 only, prompt and max_age,
 * single sign-on from the issuer's browser session), requests waiting for the login, and single-use authorization
 * codes redeemed by one Lua script.
 */
package dev.rotor.issuer.authorization.control;
