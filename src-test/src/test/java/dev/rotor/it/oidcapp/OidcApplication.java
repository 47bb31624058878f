package dev.rotor.it.oidcapp;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;

/**
 * A plain Jakarta EE 10 application that signs users in with the platform's own OpenID Connect client (Jakarta
 * Security 3.0) and no Rotor code at all.
 */
@OpenIdAuthenticationMechanismDefinition(
        providerURI = "${oidc.issuer}",
        clientId = "${oidc.clientId}",
        clientSecret = "${oidc.clientSecret}",
        redirectURI = "${baseURL}/callback",
        redirectToOriginalResource = true,
        scope = {"openid", "profile", "email"})
@DeclareRoles("user")
@ApplicationScoped
public class OidcApplication {
}
