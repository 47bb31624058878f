package dev.rotor.issuer.revocation.boundary;

import dev.rotor.issuer.revocation.control.TokenRevocation;
import dev.rotor.issuer.http.OAuthEndpoint;
import dev.rotor.issuer.http.FormParameters;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/** {@code POST /oauth2/revoke} (RFC 7009): logout by refresh token or by access token. */
@Path("oauth2/revoke")
public class RevokeResource extends OAuthEndpoint {

    @Inject
    TokenRevocation revocation;


    /** 200 whether or not the token was known, as RFC 7009 §2.2 says; 503 if the revocation could not be made. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response revoke(MultivaluedMap<String, String> form) {
        FormParameters parameters = new FormParameters(form);
        String token = parameters.required("token");
        parameters.optional("token_type_hint");
        revocation.revoke(token);
        return Response.ok().build();
    }
}
