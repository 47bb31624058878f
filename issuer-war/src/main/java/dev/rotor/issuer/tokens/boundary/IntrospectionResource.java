package dev.rotor.issuer.tokens.boundary;

import dev.rotor.issuer.users.entity.Roles;
import dev.rotor.filter.verification.VerifiedToken;
import dev.rotor.issuer.authentication.IssuedTokens;
import dev.rotor.issuer.http.FormParameters;
import dev.rotor.issuer.http.OAuthEndpoint;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * {@code POST /oauth2/introspect} (RFC 7662) for callers with a bearer token in role {@code rotor-introspect} or
 * {@code rotor-admin}. An access token that is valid and not revoked is {@code active} with its claims; anything
 * else, refresh tokens included, is just {@code {"active": false}}.
 */
@Path("oauth2/introspect")
@RolesAllowed({Roles.INTROSPECT, Roles.ADMIN})
public class IntrospectionResource extends OAuthEndpoint {

    private static final List<String> STRING_CLAIMS = List.of("iss", "sub", "jti", "client_id", "rid");
    private static final List<String> TIME_CLAIMS = List.of("exp", "iat", "nbf");
    private static final JsonObject INACTIVE = Json.createObjectBuilder().add("active", false).build();

    @Inject
    IssuedTokens tokens;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response introspect(MultivaluedMap<String, String> form) {
        String token = new FormParameters(form).required("token");
        JsonObject answer = tokens.verified(token).map(IntrospectionResource::describe).orElse(INACTIVE);
        return Response.ok(answer).build();
    }

    private static JsonObject describe(VerifiedToken verified) {
        JsonObject claims = verified.claims();
        JsonObjectBuilder answer = Json.createObjectBuilder().add("active", true).add("token_type", "Bearer");
        STRING_CLAIMS.stream().filter(claims::containsKey).forEach(name -> answer.add(name, claims.get(name)));
        TIME_CLAIMS.stream().filter(claims::containsKey).forEach(name -> answer.add(name, claims.get(name)));
        if (claims.containsKey("aud")) {
            answer.add("aud", claims.get("aud"));
        }
        answer.add("username", verified.subject());
        answer.add("groups", Json.createArrayBuilder(verified.groups()));
        return answer.build();
    }
}
