/**
 * The browser login flow's rules, free of HTTP plumbing: which {@code next} targets are safe to redirect to, and the
 * login that always opens a new session and ends a session planted in the browser.
 */
package dev.rotor.issuer.browser.control;
