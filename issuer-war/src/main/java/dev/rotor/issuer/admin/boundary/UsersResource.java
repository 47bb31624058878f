package dev.rotor.issuer.admin.boundary;

import dev.rotor.issuer.users.entity.Roles;
import dev.rotor.issuer.admin.control.UserAdministration;
import dev.rotor.issuer.configuration.IssuerConfig;
import dev.rotor.issuer.http.ProblemException;
import dev.rotor.issuer.users.control.UserStore;
import dev.rotor.issuer.users.entity.User;
import dev.rotor.issuer.users.entity.Usernames;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/**
 * {@code /admin/users}: create users, read them, set password, groups and disabled flag, and end their sessions.
 * A new password or disabling a user revokes all of that user's sessions and tokens.
 */
@Path("admin/users")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    @Inject
    UserStore users;

    @Inject
    UserAdministration administration;

    @Inject
    AdminGuard guard;

    @Inject
    IssuerConfig config;

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response create(String body) {
        JsonObject json = JsonBodies.object(body);
        String username = valid(JsonBodies.string(json, "username"));
        char[] password = JsonBodies.string(json, "password").toCharArray();
        String name = JsonBodies.optionalString(json, "name");
        String email = JsonBodies.optionalString(json, "email");
        boolean created = guard.available(() -> administration.create(username, password,
                JsonBodies.strings(json, "groups"), name, email));
        if (!created) {
            throw ProblemException.conflict("A user with this name exists");
        }
        return Response.created(URI.create(config.url("/admin/users/" + username))).build();
    }

    @GET
    @Path("{user}")
    public Response read(@PathParam("user") String user) {
        User found = guard.available(() -> users.find(valid(user)))
                .orElseThrow(() -> ProblemException.notFound("No such user"));
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("username", found.username())
                .add("groups", Json.createArrayBuilder(found.groups()))
                .add("disabled", found.disabled())
                .add("passwordChangedAt", found.passwordChangedAt().toString());
        if (found.name() != null) {
            json.add("name", found.name());
        }
        if (found.email() != null) {
            json.add("email", found.email());
        }
        return Response.ok(json.build()).build();
    }

    /** {@code {"name": …, "email": …}}; an absent or {@code null} field clears it. */
    @PUT
    @Path("{user}/profile")
    @Consumes(MediaType.WILDCARD)
    public Response setProfile(@PathParam("user") String user, String body) {
        String username = valid(user);
        JsonObject json = JsonBodies.object(body);
        String name = JsonBodies.optionalString(json, "name");
        String email = JsonBodies.optionalString(json, "email");
        guard.available(() -> administration.setProfile(username, name, email));
        return Response.noContent().build();
    }

    @PUT
    @Path("{user}/password")
    @Consumes(MediaType.WILDCARD)
    public Response changePassword(@PathParam("user") String user, String body) {
        String username = valid(user);
        char[] password = JsonBodies.string(JsonBodies.object(body), "password").toCharArray();
        guard.available(() -> administration.changePassword(username, password));
        return Response.noContent().build();
    }

    @PUT
    @Path("{user}/groups")
    @Consumes(MediaType.WILDCARD)
    public Response setGroups(@PathParam("user") String user, String body) {
        String username = valid(user);
        JsonObject json = JsonBodies.object(body);
        guard.available(() -> administration.setGroups(username, JsonBodies.strings(json, "groups")));
        return Response.noContent().build();
    }

    @PUT
    @Path("{user}/disabled")
    @Consumes(MediaType.WILDCARD)
    public Response setDisabled(@PathParam("user") String user, String body) {
        String username = valid(user);
        boolean disabled = JsonBodies.bool(JsonBodies.object(body), "disabled");
        guard.available(() -> administration.setDisabled(username, disabled));
        return Response.noContent().build();
    }

    @DELETE
    @Path("{user}/sessions")
    public Response revokeSessions(@PathParam("user") String user) {
        String username = valid(user);
        int revoked = guard.available(() -> administration.revokeSessions(username)).size();
        return Response.ok(Json.createObjectBuilder().add("revoked", revoked).build()).build();
    }

    private static String valid(String username) {
        if (username == null || !Usernames.isValid(username)) {
            throw ProblemException.badRequest("Not a valid username");
        }
        return Usernames.require(username);
    }
}
