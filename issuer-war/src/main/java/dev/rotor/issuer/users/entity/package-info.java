/**
 * Users of the built-in identity store: the {@link dev.rotor.issuer.users.entity.User} record and the strict
 * rules for usernames and group names, which are checked before any name reaches Redis.
 */
package dev.rotor.issuer.users.entity;
