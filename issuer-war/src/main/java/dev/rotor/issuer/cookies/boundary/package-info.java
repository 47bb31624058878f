/**
 * The browser's cookies over HTTP: reading them from a request, and the CSRF guard of every state-changing browser
 * request. Used by the browser pages and by the token endpoint's cookie refresh.
 */
package dev.rotor.issuer.cookies.boundary;
