package dev.rotor.issuer.tokens.boundary;

import dev.rotor.filter.authentication.JwtPrincipal;
import dev.rotor.filter.verification.VerifiedToken;
import dev.rotor.issuer.clients.entity.Scopes;
import dev.rotor.issuer.http.BearerRealm;
import dev.rotor.issuer.tokens.control.IdTokens;
import dev.rotor.issuer.users.control.UserStore;
import dev.rotor.issuer.users.entity.User;
import dev.rotor.issuer.users.entity.Usernames;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /userinfo} (OpenID Connect Core §5.3): who the bearer token says the caller is, {@code sub},
 * {@code groups} and {@code exp}, plus the standard claims its {@code scope} releases ({@code profile}: {@code name},
 * {@code preferred_username}; {@code email}: {@code email}). Any authenticated caller; web.xml requires
 * authentication on this path, so the filter-jar's mechanism answers a missing or bad token.
 */
@Path("userinfo")
public class UserinfoResource {

    @Inject
    UserStore users;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response userinfo(@Context SecurityContext security) {
        if (!(security.getUserPrincipal() instanceof JwtPrincipal principal)) {
            throw new NotAuthorizedException("Bearer realm=\"" + BearerRealm.NAME + "\"");
        }
        VerifiedToken token = principal.token();
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("sub", token.subject())
                .add("groups", Json.createArrayBuilder(token.groups()))
                .add("exp", token.expiresAt().getEpochSecond());
        Set<String> scopes = scopes(token);
        if (scopes.contains(Scopes.PROFILE) || scopes.contains(Scopes.EMAIL)) {
            Optional<User> user = Usernames.isValid(token.subject()) ? users.find(token.subject()) : Optional.empty();
            IdTokens.ProfileClaims.of(token.subject(), scopes, user).forEach(body::add);
        }
        return Response.ok(body.build()).build();
    }

    /** OpenID Connect allows POST as well. */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response userinfoByPost(@Context SecurityContext security) {
        return userinfo(security);
    }

    private static Set<String> scopes(VerifiedToken token) {
        JsonValue scope = token.claims().get("scope");
        if (scope == null || scope.getValueType() != JsonValue.ValueType.STRING) {
            return Set.of();
        }
        return Scopes.parse(((JsonString) scope).getString()).orElse(Set.of());
    }
}
