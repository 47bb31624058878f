/**
 * Browser sign-in: {@link dev.rotor.filter.authentication.JwtFilter} as an OpenID Connect relying party (the
 * authorization code flow with PKCE, the ID token validated with the verifier's own keys, tokens kept server-side
 * in the {@code HttpSession}, transparent refresh, and single logout through the issuer). Configured by
 * {@link dev.rotor.filter.authentication.signin.SignInConfig}.
 */
package dev.rotor.filter.authentication.signin;
