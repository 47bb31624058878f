package dev.rotor.issuer.keys.boundary;

import dev.rotor.issuer.http.CacheControl;
import dev.rotor.issuer.configuration.IssuerConfig;
import dev.rotor.issuer.keys.control.KeySettings;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /.well-known/openid-configuration}: authorization-server metadata (RFC 8414), in the OpenID Connect
 * discovery shape that standard JWT libraries read to find the JWKS.
 */
@Path(".well-known/openid-configuration")
public class DiscoveryResource {

    @Inject
    IssuerConfig config;

    @Inject
    KeySettings keys;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response metadata() {
        String algorithm = keys.algorithm().name();
        JsonObject metadata = Json.createObjectBuilder()
                .add("issuer", config.issuer().toString())
                .add("jwks_uri", config.url("/.well-known/jwks.json"))
                .add("token_endpoint", config.url("/oauth2/token"))
                .add("revocation_endpoint", config.url("/oauth2/revoke"))
                .add("introspection_endpoint", config.url("/oauth2/introspect"))
                .add("userinfo_endpoint", config.url("/userinfo"))
                .add("grant_types_supported", Json.createArrayBuilder().add("password").add("refresh_token"))
                // no authorization endpoint: tokens come only from the token endpoint
                .add("response_types_supported", Json.createArrayBuilder().add("none"))
                .add("subject_types_supported", Json.createArrayBuilder().add("public"))
                .add("id_token_signing_alg_values_supported", Json.createArrayBuilder().add(algorithm))
                .add("token_endpoint_auth_methods_supported", Json.createArrayBuilder().add("none"))
                .add("revocation_endpoint_auth_methods_supported", Json.createArrayBuilder().add("none"))
                .build();
        return Response.ok(metadata).header("Cache-Control", CacheControl.PUBLIC_ONE_MINUTE).build();
    }
}
