package dev.rotor.issuer.tokens.boundary;

import dev.rotor.filter.authentication.Verifier;
import dev.rotor.filter.verification.TokenRejectedException;
import dev.rotor.filter.verification.VerifiedToken;
import dev.rotor.issuer.http.RotorApplication;
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
@RolesAllowed({RotorApplication.INTROSPECT_ROLE, RotorApplication.ADMIN_ROLE})
public class IntrospectionResource extends FormEndpoint {

    private static final List<String> STRING_CLAIMS = List.of("iss", "sub", "jti", "client_id", "rid");
    private static final List<String> TIME_CLAIMS = List.of("exp", "iat", "nbf");

    @Inject
    Verifier verifier;

    @Inject
    Unavailability unavailability;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response introspect(MultivaluedMap<String, String> form) {
        String token = new FormParameters(form).required("token");
        JsonObject answer = unavailability.guard(() -> describe(token));
        return Response.ok(answer).header("Cache-Control", "no-store").build();
    }


    private JsonObject describe(String token) {
        VerifiedToken verified;
        try {
            verified = verifier.verify(token);
        } catch (TokenRejectedException e) {
            return Json.createObjectBuilder().add("active", false).build();
        }
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
