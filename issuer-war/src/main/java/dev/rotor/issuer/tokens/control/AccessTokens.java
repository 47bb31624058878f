package dev.rotor.issuer.tokens.control;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import dev.rotor.issuer.configuration.IssuerConfig;
import dev.rotor.issuer.secrets.RandomTokens;
import dev.rotor.issuer.keys.control.KeyRing;
import dev.rotor.issuer.operations.control.SecurityEvents;
import dev.rotor.issuer.tokens.entity.AccessToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Signs access tokens (RFC 9068 {@code at+jwt}) with this instance's active key, which is always a published one.
 */
@ApplicationScoped
public class AccessTokens {

    private static final int JTI_BYTES = 16;

    private final KeyRing keys;
    private final IssuerConfig config;
    private final Clock clock;
    private final SecurityEvents events;

    @Inject
    public AccessTokens(KeyRing keys, IssuerConfig config, Clock clock, SecurityEvents events) {
        this.keys = keys;
        this.config = config;
        this.clock = clock;
        this.events = events;
    }

    protected AccessTokens() {
        this(null, null, null, null);
    }

    /**
     * @throws dev.rotor.issuer.availability.SigningUnavailableException if no key has been published yet
     */
    public AccessToken issue(String subject, Collection<String> groups, String rid, String clientId) {
        return issue(subject, groups, rid, clientId, Set.of());
    }

    /** @param scopes the granted scopes, as the {@code scope} claim (RFC 9068 §2.2.3); none when empty */
    public AccessToken issue(String subject, Collection<String> groups, String rid, String clientId,
                             Set<String> scopes) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(config.accessTtl());
        String jti = randomId();
        JWTCreator.Builder builder = JWT.create();
        if (!scopes.isEmpty()) {
            builder.withClaim("scope", String.join(" ", new TreeSet<>(scopes)));
        }
        String token = keys.active().sign(builder
                .withHeader(Map.of("typ", "at+jwt"))
                .withIssuer(config.issuer().toString())
                .withSubject(subject)
                .withAudience(config.audience())
                .withIssuedAt(now)
                .withNotBefore(now)
                .withExpiresAt(expiresAt)
                .withJWTId(jti)
                .withClaim("client_id", clientId)
                .withClaim("rid", rid)
                .withClaim("groups", List.copyOf(groups)));
        events.tokenIssued();
        return new AccessToken(token, jti, expiresAt);
    }

    public long lifetimeSeconds() {
        return config.accessTtl().toSeconds();
    }

    private static String randomId() {
        return RandomTokens.base64url(JTI_BYTES);
    }
}
