/** Tokens over HTTP: the token endpoint, introspection and userinfo, with RFC 6749 §5.2 errors. */
package dev.rotor.issuer.tokens.boundary;
