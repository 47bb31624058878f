package dev.rotor.issuer.admin.boundary;

import dev.rotor.issuer.clients.control.ClientJson;
import dev.rotor.issuer.clients.control.ClientRegistry;
import dev.rotor.issuer.clients.entity.Client;
import dev.rotor.issuer.clients.entity.ClientIds;
import dev.rotor.issuer.http.ProblemException;
import dev.rotor.issuer.secrets.RandomTokens;
import dev.rotor.issuer.users.entity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/**
 * {@code /admin/clients}: register, read, list and delete clients, and rotate a confidential client's secret. A
 * secret is 256 random bits, in the answer once; only its hash is kept. Clients declared in configuration are
 * listed ({@code "declared": true}) but cannot be changed here.
 */
@Path("admin/clients")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class ClientsResource {

    @Inject
    ClientRegistry clients;

    @Inject
    AdminGuard guard;

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response register(String body) {
        JsonObject json = JsonBodies.object(body);
        if (json.containsKey(ClientJson.SECRET_HASH)) {
            throw ProblemException.badRequest("The secret is made by the issuer; leave out client_secret_sha256");
        }
        JsonObject withId = json.containsKey(ClientJson.CLIENT_ID) ? json
                : Json.createObjectBuilder(json).add(ClientJson.CLIENT_ID, "rp-" + RandomTokens.base64url(12)).build();
        boolean confidential = !"public".equals(withId.getString(ClientJson.TYPE, "confidential"));
        Client client = guard.available(() -> ClientJson.read(withId, confidential ? placeholderHash() : null, false));
        ClientRegistry.Registered registered = guard.available(() -> clients.register(client))
                .orElseThrow(() -> ProblemException.conflict("A client with this client_id exists"));
        return Response.created(URI.create("admin/clients/" + client.clientId()))
                .entity(withSecret(registered).build()).build();
    }

    @GET
    public Response list() {
        JsonArrayBuilder all = Json.createArrayBuilder();
        guard.available(() -> clients.all()).forEach(client -> all.add(describe(client)));
        return Response.ok(Json.createObjectBuilder().add("clients", all).build()).build();
    }

    @GET
    @Path("{client}")
    public Response read(@PathParam("client") String clientId) {
        Client client = guard.available(() -> clients.find(valid(clientId)))
                .orElseThrow(() -> ProblemException.notFound("No such client"));
        return Response.ok(describe(client).build()).build();
    }

    @DELETE
    @Path("{client}")
    public Response delete(@PathParam("client") String clientId) {
        String id = valid(clientId);
        if (clients.isDeclared(id)) {
            throw ProblemException.conflict("This client is declared in configuration");
        }
        if (!guard.available(() -> clients.delete(id))) {
            throw ProblemException.notFound("No such client");
        }
        return Response.noContent().build();
    }

    @POST
    @Path("{client}/secret")
    public Response rotateSecret(@PathParam("client") String clientId) {
        String id = valid(clientId);
        if (clients.isDeclared(id)) {
            throw ProblemException.conflict("This client is declared in configuration");
        }
        ClientRegistry.Registered rotated = guard.available(() -> clients.rotateSecret(id))
                .orElseThrow(() -> ProblemException.notFound("No such confidential client"));
        return Response.ok(withSecret(rotated).build()).build();
    }

    private static JsonObjectBuilder withSecret(ClientRegistry.Registered registered) {
        JsonObjectBuilder json = describe(registered.client());
        if (registered.secret() != null) {
            json.add("client_secret", registered.secret());
        }
        return json;
    }

    private static JsonObjectBuilder describe(Client client) {
        return ClientJson.described(client).add("declared", client.declared());
    }

    /** Validates the registration before a real secret is made; {@code register} replaces it. */
    private static String placeholderHash() {
        return RandomTokens.base64url(32).substring(0, 43);
    }

    private static String valid(String clientId) {
        if (!ClientIds.isValid(clientId)) {
            throw ProblemException.badRequest("Not a valid client_id");
        }
        return clientId;
    }
}
