package dev.rotor.issuer.clients.entity;

import java.util.regex.Pattern;

/** The one shape of a {@code client_id}: 1 to 64 letters, digits and {@code ._-}, starting with a letter or digit. */
public final class ClientIds {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private ClientIds() {
    }

    public static boolean isValid(String clientId) {
        return clientId != null && clientId.length() <= 64 && VALID.matcher(clientId).matches();
    }
}
