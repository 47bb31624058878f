/**
 * The browser login flow over HTTP: {@code GET/POST /login}, {@code POST /logout}, the {@code /account} landing page
 * and its same-origin script and style sheet. Pages are plain, escaped HTML served with {@code no-store}, a strict
 * Content Security Policy, {@code nosniff} and {@code same-origin} referrers; state-changing requests pass the CSRF check.
 */
package dev.rotor.issuer.browser.boundary;
