package dev.rotor.issuer.clients.boundary;

import dev.rotor.issuer.clients.entity.ClientCredentials;
import dev.rotor.issuer.http.FormParameters;
import dev.rotor.issuer.http.OAuthErrorException;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads how a token request identifies its client (RFC 6749 §2.3.1): HTTP Basic with the form-encoded id and
 * secret ({@code client_secret_basic}), or {@code client_id} and {@code client_secret} in the body
 * ({@code client_secret_post}), or {@code client_id} alone (a public client). Using both ways at once, or a header
 * that is not well-formed Basic, is {@code invalid_request}.
 */
public final class ClientCredentialsReader {

    private static final int MAX_HEADER_LENGTH = 2048;

    private ClientCredentialsReader() {
    }

    /** @param authorization the {@code Authorization} header, or {@code null} */
    public static ClientCredentials read(String authorization, FormParameters form) {
        Optional<String> clientId = form.optional("client_id");
        Optional<String> secret = form.optional("client_secret");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            if (secret.isPresent()) {
                throw OAuthErrorException.invalidRequest("Use one client authentication method, not two");
            }
            ClientCredentials basic = basic(authorization.substring(6).strip());
            if (clientId.isPresent() && !clientId.get().equals(basic.clientId())) {
                throw OAuthErrorException.invalidRequest("client_id differs from the Authorization header");
            }
            return basic;
        }
        if (clientId.isEmpty()) {
            if (secret.isPresent()) {
                throw OAuthErrorException.invalidRequest("client_secret without client_id");
            }
            return ClientCredentials.none();
        }
        return new ClientCredentials(clientId.get(), secret.orElse(null),
                secret.isPresent() ? ClientCredentials.Method.POST : ClientCredentials.Method.NONE);
    }

    private static ClientCredentials basic(String encoded) {
        if (encoded.isEmpty() || encoded.length() > MAX_HEADER_LENGTH) {
            throw OAuthErrorException.invalidClient(true);
        }
        try {
            String decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Base64.getDecoder().decode(encoded))).toString();
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                throw OAuthErrorException.invalidClient(true);
            }
            String secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
            return new ClientCredentials(URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    secret.isEmpty() ? null : secret, ClientCredentials.Method.BASIC);
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw OAuthErrorException.invalidClient(true);
        }
    }
}
