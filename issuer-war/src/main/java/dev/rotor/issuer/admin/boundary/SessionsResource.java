package dev.rotor.issuer.admin.boundary;

import dev.rotor.issuer.users.entity.Roles;
import dev.rotor.issuer.admin.control.UserAdministration;
import dev.rotor.issuer.http.ProblemException;
import dev.rotor.issuer.sessions.control.RefreshSessions;
import dev.rotor.issuer.sessions.entity.SessionIds;
import dev.rotor.issuer.sessions.entity.SessionInfo;
import dev.rotor.issuer.sessions.entity.SessionPage;
import dev.rotor.issuer.users.entity.Usernames;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;


/** {@code /admin/sessions}: a user's sessions, page by page, and the revocation of one session. */
@Path("admin/sessions")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class SessionsResource {

    private static final int MAX_LIMIT = 100;

    @Inject
    RefreshSessions sessions;

    @Inject
    UserAdministration administration;

    @Inject
    AdminGuard guard;

    @GET
    public Response list(@QueryParam("user") String user, @QueryParam("offset") @DefaultValue("0") String offset,
                         @QueryParam("limit") @DefaultValue("50") String limit) {
        if (user == null || !Usernames.isValid(user)) {
            throw ProblemException.badRequest("Query parameter 'user' must be a valid username");
        }
        int from = number(offset, "offset", Integer.MAX_VALUE);
        int size = Math.max(1, number(limit, "limit", MAX_LIMIT));
        SessionPage page = guard.available(() -> sessions.list(Usernames.require(user), from, size));
        JsonArrayBuilder items = Json.createArrayBuilder();
        page.sessions().forEach(session -> items.add(describe(session)));
        return Response.ok(Json.createObjectBuilder()
                        .add("sessions", items)
                        .add("offset", page.offset())
                        .add("limit", page.limit())
                        .add("total", page.total())
                        .build()).build();
    }

    @DELETE
    @Path("{rid}")
    public Response revoke(@PathParam("rid") String rid) {
        if (!SessionIds.isValid(rid)) {
            throw ProblemException.badRequest("Not a session id");
        }
        guard.available(() -> administration.revokeSession(rid))
                .orElseThrow(() -> ProblemException.notFound("No such session"));
        return Response.noContent().build();
    }

    static JsonObject describe(SessionInfo session) {
        return Json.createObjectBuilder()
                .add("rid", session.rid())
                .add("user", session.subject())
                .add("clientId", session.clientId())
                .add("createdAt", session.createdAt().toString())
                .add("lastUsedAt", session.lastUsedAt().toString())
                .add("expiresAt", session.expiresAt().toString())
                .build();
    }

    private static int number(String text, String name, int max) {
        if (text.length() > 9 || !text.chars().allMatch(Character::isDigit) || text.isEmpty()) {
            throw ProblemException.badRequest("Query parameter '" + name + "' must be a whole number");
        }
        return Math.min(Integer.parseInt(text), max);
    }
}
