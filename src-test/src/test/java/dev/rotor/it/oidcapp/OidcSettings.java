package dev.rotor.it.oidcapp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The provider and client of the plain OpenID Connect application, from its MicroProfile Config file. */
@Named("oidc")
@ApplicationScoped
public class OidcSettings {

    @Inject
    @ConfigProperty(name = "it.oidc.issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "it.oidc.client-id")
    String clientId;

    @Inject
    @ConfigProperty(name = "it.oidc.client-secret")
    String clientSecret;

    public String getIssuer() {
        return issuer;
    }

    public String getClientId() {
        return clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }
}
