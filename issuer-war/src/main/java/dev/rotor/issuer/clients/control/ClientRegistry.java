package dev.rotor.issuer.clients.control;

import dev.rotor.issuer.clients.entity.Client;
import dev.rotor.issuer.configuration.IssuerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.rotor.filter.redis.RedisConnections;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Every registered client: those declared in configuration, which the admin API cannot change, and those
 * registered through it, in Redis. A declared client shadows a stored one of the same id.
 */
@ApplicationScoped
public class ClientRegistry {

    private static final Logger LOG = Logger.getLogger(ClientRegistry.class.getName());

    private final Map<String, Client> declared;
    private final ClientStore store;
    private final boolean passwordGrant;

    @Inject
    public ClientRegistry(RedisConnections redis, IssuerConfig config, ClientSettings settings) {
        this(redis, config.redisNames().prefix(), settings);
    }

    public ClientRegistry(RedisConnections redis, String prefix, ClientSettings settings) {
        Map<String, Client> byId = new LinkedHashMap<>();
        settings.declared().forEach(client -> byId.put(client.clientId(), client));
        this.declared = Map.copyOf(byId);
        this.store = new ClientStore(redis, prefix);
        this.passwordGrant = settings.passwordGrant();
    }

    protected ClientRegistry() {
        this.declared = null;
        this.store = null;
        this.passwordGrant = false;
    }

    /** @throws dev.rotor.issuer.availability.RedisUnavailableException if Redis cannot be read */
    public Optional<Client> find(String clientId) {
        Client fixed = clientId == null ? null : declared.get(clientId);
        return fixed != null ? Optional.of(fixed) : store.find(clientId);
    }

    /** Declared clients first, then registered ones in id order. */
    public List<Client> all() {
        List<Client> all = new ArrayList<>(declared.values());
        store.all().stream().filter(client -> !declared.containsKey(client.clientId())).forEach(all::add);
        return all;
    }

    /**
     * Registers a client with a new secret if it is confidential.
     *
     * @return the client and its secret, shown once; empty if the id is taken
     */
    public Optional<Registered> register(Client client) {
        if (declared.containsKey(client.clientId())) {
            return Optional.empty();
        }
        String secret = client.isPublic() ? null : ClientSecrets.generate();
        Client stored = secret == null ? client : client.withSecretHash(ClientSecrets.hash(secret));
        if (!store.create(stored)) {
            return Optional.empty();
        }
        LOG.info(() -> "ROTOR-C201 client registered: " + client.clientId());
        return Optional.of(new Registered(stored, secret));
    }

    /** A new secret for a stored confidential client; the old one stops working at once. */
    public Optional<Registered> rotateSecret(String clientId) {
        Optional<Client> found = declared.containsKey(clientId) ? Optional.empty() : store.find(clientId);
        if (found.isEmpty() || found.get().isPublic()) {
            return Optional.empty();
        }
        String secret = ClientSecrets.generate();
        Client rotated = found.get().withSecretHash(ClientSecrets.hash(secret));
        if (!store.replace(rotated)) {
            return Optional.empty();
        }
        LOG.info(() -> "ROTOR-C202 client secret rotated: " + clientId);
        return Optional.of(new Registered(rotated, secret));
    }

    /** Deletes a stored client; declared ones stay. Its sessions stay until they end. */
    public boolean delete(String clientId) {
        if (declared.containsKey(clientId) || !store.delete(clientId)) {
            return false;
        }
        LOG.info(() -> "ROTOR-C203 client deleted: " + clientId);
        return true;
    }

    public boolean isDeclared(String clientId) {
        return declared.containsKey(clientId);
    }

    /** Whether the password grant is switched on for the whole issuer. */
    public boolean passwordGrantEnabled() {
        return passwordGrant;
    }

    /**
     * A client as registered, with its secret when one was just made.
     *
     * @param secret the raw secret, to show once; {@code null} for a public client
     */
    public record Registered(Client client, String secret) {

        @Override
        public String toString() {
            return "Registered[" + client + "]";
        }
    }
}
