package dev.rotor.filter.authentication.signin;

/** How {@code JwtFilter} authenticates requests ({@code rotor.mode}). */
public enum SignInMode {
    /** Bearer access tokens only (RFC 6750): APIs. The default. */
    BEARER,
    /** Browser sign-in only: the filter is an OpenID Connect relying party and keeps the tokens in the session. */
    BROWSER,
    /** A request with an {@code Authorization} header is a bearer request; any other one a browser request. */
    BOTH
}
