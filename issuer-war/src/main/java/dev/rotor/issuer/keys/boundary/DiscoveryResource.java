package dev.rotor.issuer.keys.boundary;

import dev.rotor.issuer.clients.control.ClientSettings;
import dev.rotor.issuer.configuration.IssuerConfig;
import dev.rotor.issuer.http.CacheControl;
import dev.rotor.issuer.keys.control.KeySettings;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /.well-known/openid-configuration}: OpenID Provider metadata (OpenID Connect Discovery 1.0, RFC 8414),
 * enough for a standard client to sign users in from it alone.
 */
@Path(".well-known/openid-configuration")
public class DiscoveryResource {

    @Inject
    IssuerConfig config;

    @Inject
    KeySettings keys;

    @Inject
    ClientSettings clients;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response metadata() {
        String algorithm = keys.algorithm().name();
        JsonArrayBuilder grants = Json.createArrayBuilder().add("authorization_code").add("refresh_token");
        if (clients.passwordGrant()) {
            grants.add("password");
        }
        JsonObject metadata = Json.createObjectBuilder()
                .add("issuer", config.issuer().toString())
                .add("authorization_endpoint", config.url("/oauth2/authorize"))
                .add("token_endpoint", config.url("/oauth2/token"))
                .add("userinfo_endpoint", config.url("/userinfo"))
                .add("jwks_uri", config.url("/.well-known/jwks.json"))
                .add("end_session_endpoint", config.url("/oauth2/logout"))
                .add("revocation_endpoint", config.url("/oauth2/revoke"))
                .add("introspection_endpoint", config.url("/oauth2/introspect"))
                .add("scopes_supported", strings("openid", "profile", "email"))
                .add("claims_supported", strings("iss", "sub", "aud", "exp", "iat", "auth_time", "nonce", "sid",
                        "azp", "groups", "name", "preferred_username", "email"))
                .add("response_types_supported", strings("code"))
                .add("response_modes_supported", strings("query"))
                .add("grant_types_supported", grants)
                .add("code_challenge_methods_supported", strings("S256"))
                .add("subject_types_supported", strings("public"))
                .add("id_token_signing_alg_values_supported", strings(algorithm))
                .add("token_endpoint_auth_methods_supported",
                        strings("client_secret_basic", "client_secret_post", "none"))
                .add("revocation_endpoint_auth_methods_supported", strings("none"))
                .add("prompt_values_supported", strings("none", "login", "consent", "select_account"))
                .add("authorization_response_iss_parameter_supported", true)
                .add("claims_parameter_supported", false)
                .add("request_parameter_supported", false)
                .add("request_uri_parameter_supported", false)
                .add("frontchannel_logout_supported", false)
                .add("backchannel_logout_supported", false)
                .build();
        return Response.ok(metadata).header("Cache-Control", CacheControl.PUBLIC_ONE_MINUTE).build();
    }

    private static JsonArrayBuilder strings(String... values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (String value : values) {
            array.add(value);
        }
        return array;
    }
}
