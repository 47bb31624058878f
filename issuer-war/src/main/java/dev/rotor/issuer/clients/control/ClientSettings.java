package dev.rotor.issuer.clients.control;

import dev.rotor.filter.configuration.InvalidSettingException;
import dev.rotor.filter.configuration.Settings;
import dev.rotor.issuer.clients.entity.Client;
import dev.rotor.issuer.clients.entity.InvalidClientException;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The clients component's settings.
 *
 * @param declared      clients declared in configuration: a JSON array in {@code rotor.clients}, or in the file
 *                      named by {@code rotor.clients-file}; each in the form {@link ClientJson} reads
 * @param passwordGrant whether the password grant is offered at all ({@code rotor.password-grant}, {@code enabled}
 *                      or {@code disabled}); a registered client also needs it in its {@code grant_types}
 */
public record ClientSettings(List<Client> declared, boolean passwordGrant) {

    public static final String CLIENTS = "rotor.clients";
    public static final String CLIENTS_FILE = "rotor.clients-file";
    public static final String PASSWORD_GRANT = "rotor.password-grant";
    private static final int MAX_FILE_BYTES = 1 << 20;

    /** Whether a grant is switched on or off for the whole issuer. */
    public enum Switch { ENABLED, DISABLED }

    public ClientSettings {
        declared = List.copyOf(declared);
    }

    /** @throws InvalidSettingException naming the setting, and the client and field that are wrong */
    public static ClientSettings from(Settings settings) {
        List<Client> declared = new ArrayList<>();
        settings.optional(CLIENTS).ifPresent(json -> declared.addAll(parse(CLIENTS, json)));
        settings.optional(CLIENTS_FILE).ifPresent(file -> declared.addAll(parse(CLIENTS_FILE, read(file))));
        Set<String> ids = new HashSet<>();
        for (Client client : declared) {
            if (!ids.add(client.clientId())) {
                throw new InvalidSettingException(CLIENTS, "client_id " + client.clientId() + " is declared twice");
            }
        }
        boolean password = settings.oneOf(PASSWORD_GRANT, Switch.class, Switch.ENABLED) == Switch.ENABLED;
        return new ClientSettings(declared, password);
    }

    private static String read(String file) {
        try {
            Path path = Path.of(file);
            if (Files.size(path) > MAX_FILE_BYTES) {
                throw new InvalidSettingException(CLIENTS_FILE, "the file is larger than 1 MB");
            }
            return Files.readString(path);
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidSettingException invalid) {
                throw invalid;
            }
            throw new InvalidSettingException(CLIENTS_FILE, "cannot be read as a UTF-8 file");
        }
    }

    private static List<Client> parse(String key, String json) {
        JsonArray array;
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            array = reader.readArray();
        } catch (JsonException | IllegalStateException | UnsupportedOperationException | ArithmeticException e) {
            throw new InvalidSettingException(key, "must be a JSON array of client objects");
        }
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonValue item = array.get(i);
            if (item.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new InvalidSettingException(key, "client " + i + " is not a JSON object");
            }
            try {
                clients.add(ClientJson.read(item.asJsonObject(), null, true));
            } catch (InvalidClientException e) {
                throw new InvalidSettingException(key, "client " + i + ": " + e.getMessage());
            }
        }
        return clients;
    }
}
