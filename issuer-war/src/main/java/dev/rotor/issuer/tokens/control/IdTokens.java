package dev.rotor.issuer.tokens.control;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import dev.rotor.issuer.clients.entity.Scopes;
import dev.rotor.issuer.configuration.IssuerConfig;
import dev.rotor.issuer.keys.control.KeyRing;
import dev.rotor.issuer.users.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Signs OpenID Connect ID tokens (Core §2) with the same in-RAM, published, rotating key as access tokens:
 * {@code iss}, {@code sub}, {@code aud} (the client), {@code exp}, {@code iat}, {@code auth_time}, {@code nonce} when
 * the request had one, {@code sid}, the issuer browser session, and {@code groups} (the MicroProfile JWT
 * convention, which Jakarta Security's OpenID Connect client reads as the caller's groups). The {@code profile} scope adds {@code name} and
 * {@code preferred_username}, the {@code email} scope {@code email}.
 */
@ApplicationScoped
public class IdTokens {

    private final KeyRing keys;
    private final IssuerConfig config;
    private final Clock clock;

    @Inject
    public IdTokens(KeyRing keys, IssuerConfig config, Clock clock) {
        this.keys = keys;
        this.config = config;
        this.clock = clock;
    }

    protected IdTokens() {
        this(null, null, null);
    }

    /**
     * @param user the built-in user, for the profile claims; empty for a user of another identity store
     * @throws dev.rotor.issuer.availability.SigningUnavailableException if no key has been published yet
     */
    public String issue(String subject, String clientId, String nonce, Instant authTime, String sid,
                        Set<String> scopes, Optional<User> user, java.util.Collection<String> groups) {
        Instant now = clock.instant();
        JWTCreator.Builder token = JWT.create()
                .withHeader(Map.of("typ", "JWT"))
                .withIssuer(config.issuer().toString())
                .withSubject(subject)
                .withAudience(clientId)
                .withIssuedAt(now)
                .withExpiresAt(now.plus(config.accessTtl()))
                .withClaim("auth_time", authTime.getEpochSecond())
                .withClaim("sid", sid)
                .withClaim("azp", clientId)
                .withClaim("groups", java.util.List.copyOf(new java.util.TreeSet<>(groups)));
        if (nonce != null) {
            token.withClaim("nonce", nonce);
        }
        ProfileClaims.of(subject, scopes, user).forEach(token::withClaim);
        return keys.active().sign(token);
    }

    /** The standard claims a user's scopes release, shared with UserInfo. */
    public static final class ProfileClaims {

        private ProfileClaims() {
        }

        public static Map<String, String> of(String subject, Set<String> scopes, Optional<User> user) {
            java.util.Map<String, String> claims = new java.util.LinkedHashMap<>();
            if (scopes.contains(Scopes.PROFILE)) {
                claims.put("preferred_username", subject);
                user.map(User::name).ifPresent(name -> claims.put("name", name));
            }
            if (scopes.contains(Scopes.EMAIL)) {
                user.map(User::email).ifPresent(email -> claims.put("email", email));
            }
            return claims;
        }
    }
}
