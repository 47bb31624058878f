/**
 * Authorization values: a checked authorization request, the prompt values, what an authorization code stands for
 * and the outcome of redeeming one.
 */
package dev.rotor.issuer.authorization.entity;
