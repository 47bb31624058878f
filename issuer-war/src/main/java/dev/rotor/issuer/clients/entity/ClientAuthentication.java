package dev.rotor.issuer.clients.entity;

/** The outcome of authenticating a token request's client. */
public sealed interface ClientAuthentication {

    /** The client is who it says: a confidential client with its secret, or a public client with none. */
    record Authenticated(Client client) implements ClientAuthentication {
    }

    /** Unknown client, wrong or missing secret, or a secret sent by a public client: {@code invalid_client}. */
    record Failed(ClientCredentials.Method method) implements ClientAuthentication {
    }
}
