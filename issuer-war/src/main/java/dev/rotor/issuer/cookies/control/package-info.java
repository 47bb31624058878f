/**
 * The rules for what a browser holds for the issuer, free of HTTP plumbing: the {@code __Host-} refresh and CSRF
 * cookies, and the double-submit CSRF check (token, {@code Sec-Fetch-Site}, {@code Origin}).
 */
package dev.rotor.issuer.cookies.control;
