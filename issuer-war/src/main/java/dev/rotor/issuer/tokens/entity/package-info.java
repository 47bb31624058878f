/** Tokens: the values the issuer hands out. */
package dev.rotor.issuer.tokens.entity;
