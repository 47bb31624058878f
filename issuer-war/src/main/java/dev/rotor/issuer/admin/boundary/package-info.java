/** Administration over HTTP, role {@code rotor-admin}: sessions, users and keys. */
package dev.rotor.issuer.admin.boundary;
