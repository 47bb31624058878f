/**
 * The browser login flow's rules, free of HTTP plumbing: which {@code next} targets are safe to redirect to, the
 * double-submit CSRF check (token, {@code Sec-Fetch-Site}, {@code Origin}), the {@code __Host-} cookies, and the
 * login that always opens a new session and revokes a session planted in the browser.
 */
package dev.rotor.issuer.browser.control;
