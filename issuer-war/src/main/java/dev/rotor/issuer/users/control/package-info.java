/**
 * Users: password hashing (PBKDF2 through Jakarta Security), the Redis user store, the Jakarta Security
 * {@code IdentityStore} that checks logins against it without revealing which users exist, login throttling per
 * account and per client, and the first-start creation of the {@code admin} user.
 */
package dev.rotor.issuer.users.control;
