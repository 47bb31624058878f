package dev.rotor.issuer.tokens.control;

import dev.rotor.issuer.clients.entity.Client;
import dev.rotor.issuer.clients.entity.GrantTypes;

import java.util.Optional;

/**
 * Who may use the password grant (RFC 9700 §2.4 says it MUST NOT be used; it stays for first-party scripts): only
 * while {@code rotor.password-grant} is enabled, and for a registered client only if its {@code grant_types} hold
 * {@code password}. A request that names no registered client is a first-party script.
 */
public final class GrantPolicy {

    private GrantPolicy() {
    }

    public static boolean passwordAllowed(boolean enabled, Optional<Client> registered) {
        return enabled && registered.map(client -> client.allows(GrantTypes.PASSWORD)).orElse(true);
    }
}
