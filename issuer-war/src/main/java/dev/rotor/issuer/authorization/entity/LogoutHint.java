package dev.rotor.issuer.authorization.entity;

/**
 * What a verified {@code id_token_hint} says (RP-Initiated Logout 1.0 §2): an ID token this issuer signed.
 *
 * @param subject  its {@code sub}
 * @param sid      the issuer browser session it was issued from
 * @param clientId its {@code aud}, the client that asks to log out
 */
public record LogoutHint(String subject, String sid, String clientId) {
}
