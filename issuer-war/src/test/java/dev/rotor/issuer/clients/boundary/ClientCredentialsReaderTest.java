package dev.rotor.issuer.clients.boundary;

import dev.rotor.issuer.clients.entity.ClientCredentials;
import dev.rotor.issuer.http.FormParameters;
import dev.rotor.issuer.http.OAuthErrorException;
import jakarta.ws.rs.core.MultivaluedHashMap;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ClientCredentialsReaderTest {

    private static FormParameters form(String... pairs) {
        MultivaluedHashMap<String, String> form = new MultivaluedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.add(pairs[i], pairs[i + 1]);
        }
        return new FormParameters(form);
    }

    private static String basic(String text) {
        return "Basic " + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void basicPostAndNoneAreRead() {
        ClientCredentials basic = ClientCredentialsReader.read(basic("web:s%3Acret"), form());
        assertEquals("web", basic.clientId());
        assertEquals("s:cret", basic.secret(), "both halves are form-encoded (RFC 6749 §2.3.1)");
        assertEquals(ClientCredentials.Method.BASIC, basic.method());
        assertEquals(ClientCredentials.Method.POST, ClientCredentialsReader.read(null,
                form("client_id", "web", "client_secret", "s")).method());
        ClientCredentials none = ClientCredentialsReader.read(null, form("client_id", "app"));
        assertEquals(ClientCredentials.Method.NONE, none.method());
        assertNull(none.secret());
        assertEquals(ClientCredentials.none(), ClientCredentialsReader.read("Bearer x", form()));
    }

    @Test
    void twoMethodsOrAMalformedHeaderAreRefused() {
        assertEquals("invalid_request", assertThrows(OAuthErrorException.class, () -> ClientCredentialsReader.read(
                basic("web:s"), form("client_secret", "s"))).error());
        assertEquals("invalid_request", assertThrows(OAuthErrorException.class, () -> ClientCredentialsReader.read(
                basic("web:s"), form("client_id", "other"))).error());
        assertEquals("invalid_request", assertThrows(OAuthErrorException.class, () -> ClientCredentialsReader.read(
                null, form("client_secret", "s"))).error());
        for (String header : new String[] {"Basic !!!", "Basic " + "A".repeat(3000), basic("no-colon"),
                basic(":secret"), "Basic " + Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff, ':', 'x'}),
                basic("web:%zz")}) {
            OAuthErrorException refused = assertThrows(OAuthErrorException.class,
                    () -> ClientCredentialsReader.read(header, form()), header);
            assertEquals("invalid_client", refused.error());
            assertEquals(401, refused.status());
            assertEquals("Basic realm=\"rotor\"", refused.challenge().orElseThrow());
        }
    }
}
