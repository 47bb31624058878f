package dev.rotor.issuer.clients.control;

import dev.rotor.issuer.clients.entity.Client;
import dev.rotor.issuer.clients.entity.ClientAuthentication;
import dev.rotor.issuer.clients.entity.ClientCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * Authenticates the client of a token request (RFC 6749 §2.3): a confidential client by its secret, sent as
 * {@code client_secret_basic} or {@code client_secret_post}; a public client ({@code none}) by its id alone, which
 * then must prove itself with PKCE. An unknown client costs one hash like a known one.
 */
@ApplicationScoped
public class ClientAuthenticator {

    private static final Logger LOG = Logger.getLogger(ClientAuthenticator.class.getName());
    private static final String DUMMY_HASH = ClientSecrets.hash(ClientSecrets.generate());

    private final ClientRegistry registry;

    @Inject
    public ClientAuthenticator(ClientRegistry registry) {
        this.registry = registry;
    }

    protected ClientAuthenticator() {
        this(null);
    }

    public ClientAuthentication authenticate(ClientCredentials credentials) {
        Optional<Client> client = credentials.namesClient() ? registry.find(credentials.clientId()) : Optional.empty();
        if (client.isEmpty()) {
            ClientSecrets.matches(credentials.secret(), DUMMY_HASH);
            return failed(credentials, "unknown client");
        }
        if (client.get().isPublic()) {
            return credentials.secret() == null ? new ClientAuthentication.Authenticated(client.get())
                    : failed(credentials, "a public client sent a secret");
        }
        if (!ClientSecrets.matches(credentials.secret(), client.get().secretHash())) {
            return failed(credentials, "wrong or missing secret");
        }
        return new ClientAuthentication.Authenticated(client.get());
    }

    private static ClientAuthentication failed(ClientCredentials credentials, String why) {
        LOG.fine(() -> "ROTOR-C101 client authentication failed: " + why);
        return new ClientAuthentication.Failed(credentials.method());
    }
}
