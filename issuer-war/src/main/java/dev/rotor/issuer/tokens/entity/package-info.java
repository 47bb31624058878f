/** Token values: a signed access token, the pair a grant returns, and the outcome of a grant. */
package dev.rotor.issuer.tokens.entity;
