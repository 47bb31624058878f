/**
 * How the issuer authenticates callers of its protected resources: by dogfooding the filter-jar's mechanism with
 * a verifier that reads the issuer's keys in-process.
 */
package dev.rotor.issuer.authentication;
