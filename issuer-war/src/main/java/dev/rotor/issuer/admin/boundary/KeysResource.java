package dev.rotor.issuer.admin.boundary;

import dev.rotor.issuer.users.entity.Roles;
import dev.rotor.issuer.keys.control.KeyRing;
import dev.rotor.issuer.keys.control.KeyRotation;
import dev.rotor.issuer.keys.control.PublicKeyRegistry;
import dev.rotor.issuer.keys.entity.PublishedKey;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.util.Comparator;

/** {@code /admin/keys}: every live key of every instance, and an immediate rotation of this instance's key. */
@Path("admin/keys")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class KeysResource {

    @Inject
    PublicKeyRegistry registry;

    @Inject
    KeyRotation rotation;

    @Inject
    KeyRing ring;

    @Inject
    Clock clock;

    @GET
    public Response keys() {
        JsonArrayBuilder keys = Json.createArrayBuilder();
        registry.live(clock.instant()).stream()
                .sorted(Comparator.comparing((PublishedKey key) -> key.key().createdAt()))
                .forEach(key -> keys.add(describe(key)));
        return Response.ok(Json.createObjectBuilder().add("keys", keys).build()).build();
    }

    /** The new key is published before it signs; if Redis is down nothing changes and the answer is 503. */
    @POST
    @Path("rotate")
    public Response rotate() {
        rotation.rotate();
        return Response.ok(Json.createObjectBuilder().add("kid", ring.active().kid()).build()).build();
    }

    private static JsonObjectBuilder describe(PublishedKey key) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("kid", key.kid())
                .add("alg", key.key().algorithm().name())
                .add("state", key.status().name())
                .add("instance", key.instance())
                .add("createdAt", key.key().createdAt().toString())
                .add("expiresAt", key.expiresAt().toString());
        if (key.retiredAt() != null) {
            json.add("retiredAt", key.retiredAt().toString());
        }
        return json;
    }
}
