package dev.rotor.issuer.clients.entity;

/**
 * How a token request identified its client.
 *
 * @param clientId the client it names, or {@code null} when it names none
 * @param secret   the secret it presented, or {@code null}
 * @param method   how: {@code client_secret_basic}, {@code client_secret_post} or {@code none}
 */
public record ClientCredentials(String clientId, String secret, Method method) {

    public enum Method { BASIC, POST, NONE }

    public static ClientCredentials none() {
        return new ClientCredentials(null, null, Method.NONE);
    }

    public boolean namesClient() {
        return clientId != null;
    }

    @Override
    public String toString() {
        return "ClientCredentials[" + clientId + ", " + method + "]";
    }
}
