package dev.rotor.issuer.clients.control;

import dev.rotor.filter.configuration.InvalidSettingException;
import dev.rotor.filter.configuration.Settings;
import dev.rotor.issuer.clients.entity.Client;
import dev.rotor.issuer.clients.entity.ClientAuthentication;
import dev.rotor.issuer.clients.entity.ClientCredentials;
import dev.rotor.issuer.clients.entity.ClientType;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientSettingsTest {

    private static final String SECRET = "s3cr3t-0123456789-0123456789-0123456789-xy";

    private static ClientSettings from(Map<String, String> values) {
        return ClientSettings.from(Settings.from(key -> Optional.ofNullable(values.get(key))));
    }

    private static String declared(String redirect) {
        return "[{\"client_id\":\"web\",\"type\":\"confidential\",\"client_secret_sha256\":\""
                + ClientSecrets.hash(SECRET) + "\",\"redirect_uris\":[\"" + redirect + "\"]}]";
    }

    @Test
    void clientsDeclaredInConfigurationAreReadAndAuthenticate() {
        ClientSettings settings = from(Map.of(ClientSettings.CLIENTS, declared("https://web.example/cb"),
                ClientSettings.PASSWORD_GRANT, "disabled"));
        Client web = settings.declared().get(0);
        assertEquals(ClientType.CONFIDENTIAL, web.type());
        assertTrue(web.declared());
        assertFalse(settings.passwordGrant());

        ClientRegistry registry = new ClientRegistry(null, "rotor:", settings);
        ClientAuthenticator authenticator = new ClientAuthenticator(registry);
        assertInstanceOf(ClientAuthentication.Authenticated.class, authenticator.authenticate(
                new ClientCredentials("web", SECRET, ClientCredentials.Method.BASIC)));
        assertInstanceOf(ClientAuthentication.Failed.class, authenticator.authenticate(
                new ClientCredentials("web", SECRET + "x", ClientCredentials.Method.POST)));
        assertInstanceOf(ClientAuthentication.Failed.class, authenticator.authenticate(
                new ClientCredentials("web", null, ClientCredentials.Method.NONE)));
    }

    @Test
    void badDeclarationsStopTheDeploymentNamingTheSettingTheClientAndTheField() {
        InvalidSettingException http = assertThrows(InvalidSettingException.class,
                () -> from(Map.of(ClientSettings.CLIENTS, declared("http://web.example/cb"))));
        assertEquals(ClientSettings.CLIENTS, http.key());
        assertTrue(http.getMessage().contains("client 0") && http.getMessage().contains("redirect_uris"),
                http.getMessage());
        assertTrue(assertThrows(InvalidSettingException.class, () -> from(Map.of(ClientSettings.CLIENTS,
                declared("https://web.example/cb#x")))).getMessage().contains("fragment"));
        assertEquals(ClientSettings.CLIENTS, assertThrows(InvalidSettingException.class,
                () -> from(Map.of(ClientSettings.CLIENTS, "{not json"))).key());
        assertTrue(assertThrows(InvalidSettingException.class, () -> from(Map.of(ClientSettings.CLIENTS,
                "[{\"client_id\":\"web\",\"type\":\"confidential\",\"redirect_uris\":[\"https://a.example/\"]}]")))
                .getMessage().contains("secret"));
        assertEquals(ClientSettings.CLIENTS_FILE, assertThrows(InvalidSettingException.class,
                () -> from(Map.of(ClientSettings.CLIENTS_FILE, "/no/such/file.json"))).key());
        assertEquals(ClientSettings.PASSWORD_GRANT, assertThrows(InvalidSettingException.class,
                () -> from(Map.of(ClientSettings.PASSWORD_GRANT, "maybe"))).key());
    }
}
