package dev.rotor.issuer.admin.boundary;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.rotor.issuer.clients.control.ClientJson;
import dev.rotor.issuer.clients.entity.Client;
import dev.rotor.issuer.clients.entity.ClientIds;
import dev.rotor.issuer.clients.entity.InvalidClientException;
import dev.rotor.issuer.http.ProblemException;
import dev.rotor.issuer.users.entity.Usernames;
import jakarta.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage-guided fuzzing of the admin request bodies (issue 11): every body is read the way each admin resource
 * reads it ({@link JsonBodies} for users, {@link ClientJson} for clients). Any text gives a typed rejection (a
 * {@link ProblemException} 400, an {@link InvalidClientException}) or values of the expected shape.
 */
class AdminBodiesFuzzTest {

    private static final String PLACEHOLDER_HASH = "A".repeat(43);

    @FuzzTest(maxDuration = "10m")
    void readBody(byte[] input) {
        String body = new String(input, StandardCharsets.UTF_8);
        JsonObject json;
        try {
            json = JsonBodies.object(body);
        } catch (ProblemException e) {
            assertEquals(400, e.problem().status());
            return;
        }
        for (Consumer<JsonObject> reader : List.<Consumer<JsonObject>>of(AdminBodiesFuzzTest::newUser,
                AdminBodiesFuzzTest::profile, AdminBodiesFuzzTest::groups, AdminBodiesFuzzTest::disabled,
                AdminBodiesFuzzTest::client)) {
            try {
                reader.accept(json);
            } catch (ProblemException e) {
                assertEquals(400, e.problem().status());
            } catch (InvalidClientException e) {
                assertTrue(e.getMessage() != null && !e.getMessage().isEmpty());
            }
        }
    }

    /** {@code POST /admin/users}. */
    private static void newUser(JsonObject json) {
        String username = JsonBodies.string(json, "username");
        if (!Usernames.isValid(username)) {
            return;
        }
        String canonical = Usernames.require(username);
        assertTrue(Usernames.isValid(canonical) && canonical.length() <= Usernames.MAX_LENGTH, canonical);
        assertEquals(canonical, Usernames.require(canonical), "the canonical form is stable");
        JsonBodies.string(json, "password");
        profile(json);
        groups(json);
    }

    /** {@code PUT /admin/users/{user}/profile}. */
    private static void profile(JsonObject json) {
        JsonBodies.optionalString(json, "name");
        JsonBodies.optionalString(json, "email");
    }

    /** {@code PUT /admin/users/{user}/groups}. */
    private static void groups(JsonObject json) {
        Set<String> groups = JsonBodies.strings(json, "groups");
        assertTrue(groups.size() <= 32);
    }

    /** {@code PUT /admin/users/{user}/disabled}. */
    private static void disabled(JsonObject json) {
        JsonBodies.bool(json, "disabled");
    }

    /** {@code POST /admin/clients}, as {@code ClientsResource.register} reads it. */
    private static void client(JsonObject json) {
        if (json.containsKey(ClientJson.SECRET_HASH) || !json.containsKey(ClientJson.CLIENT_ID)) {
            return;
        }
        boolean confidential = !"public".equals(json.getString(ClientJson.TYPE, "confidential"));
        Client client = ClientJson.read(json, confidential ? PLACEHOLDER_HASH : null, false);
        assertTrue(ClientIds.isValid(client.clientId()), client.clientId());
        assertEquals(client, ClientJson.read(ClientJson.stored(client), null, false), "survives its storage form");
    }
}
