package dev.rotor.issuer.tokens.control;

import dev.rotor.issuer.authorization.control.AuthorizationCodes;
import dev.rotor.issuer.authorization.entity.CodeBinding;
import dev.rotor.issuer.authorization.entity.Redemption;
import dev.rotor.issuer.clients.entity.Client;
import dev.rotor.issuer.clients.entity.GrantTypes;
import dev.rotor.issuer.clients.entity.Scopes;
import dev.rotor.issuer.configuration.IssuerConfig;
import dev.rotor.issuer.revocation.control.SessionTermination;
import dev.rotor.issuer.sessions.control.RefreshSessions;
import dev.rotor.issuer.sessions.entity.IssuedSession;
import dev.rotor.issuer.sessions.entity.NewSession;
import dev.rotor.issuer.tokens.entity.AccessToken;
import dev.rotor.issuer.tokens.entity.GrantResult;
import dev.rotor.issuer.tokens.entity.GrantResult.Refusal;
import dev.rotor.issuer.tokens.entity.TokenPair;
import dev.rotor.issuer.users.control.UserStore;
import dev.rotor.issuer.users.entity.User;
import dev.rotor.issuer.users.entity.Usernames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.rotor.filter.redis.RedisConnections;

import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The authorization code grant (RFC 6749 §4.1.3 with PKCE): redeems the code once, checks that it was issued to
 * this client for this redirect URI and that the verifier meets its challenge, then opens an app session bound to
 * the client and linked to the issuer browser session, and issues an access token, a refresh token and, for
 * {@code openid}, an ID token. A code presented a second time ends the session the first redemption opened.
 */
@ApplicationScoped
public class CodeGrant {

    private static final Logger LOG = Logger.getLogger(CodeGrant.class.getName());

    private final AuthorizationCodes codes;
    private final RefreshSessions sessions;
    private final SessionTermination termination;
    private final UserStore users;
    private final AccessTokens accessTokens;
    private final IdTokens idTokens;

    @Inject
    public CodeGrant(RedisConnections redis, IssuerConfig config, RefreshSessions sessions,
                     SessionTermination termination, UserStore users, AccessTokens accessTokens, IdTokens idTokens) {
        this(new AuthorizationCodes(redis, config.redisNames().prefix()), sessions, termination, users, accessTokens,
                idTokens);
    }

    public CodeGrant(AuthorizationCodes codes, RefreshSessions sessions, SessionTermination termination,
                     UserStore users, AccessTokens accessTokens, IdTokens idTokens) {
        this.codes = codes;
        this.sessions = sessions;
        this.termination = termination;
        this.users = users;
        this.accessTokens = accessTokens;
        this.idTokens = idTokens;
    }

    protected CodeGrant() {
        this(null, null, null, null, null, null);
    }

    /**
     * @param client       the authenticated client of the token request
     * @param codeVerifier the PKCE verifier, {@code null} when the request had none
     * @throws dev.rotor.issuer.availability.BackendUnavailableException if the outcome cannot be recorded
     */
    public GrantResult redeem(Client client, String code, String redirectUri, String codeVerifier) {
        if (!client.allows(GrantTypes.AUTHORIZATION_CODE)) {
            return new GrantResult.Refused(Refusal.UNAUTHORIZED_CLIENT);
        }
        if (codeVerifier != null && !Pkce.isVerifier(codeVerifier)) {
            return new GrantResult.Refused(Refusal.MALFORMED_VERIFIER);
        }
        Redemption redemption = codes.redeem(code);
        if (redemption instanceof Redemption.Replayed replayed) {
            termination.end(replayed.rid());
            LOG.warning(() -> "ROTOR-Z103 authorization code presented again; session " + replayed.rid() + " ended");
            return new GrantResult.Refused(Refusal.CODE_REUSED);
        }
        if (!(redemption instanceof Redemption.Redeemed redeemed)) {
            return new GrantResult.Refused(Refusal.INVALID_CODE);
        }
        CodeBinding binding = redeemed.binding();
        if (!binding.clientId().equals(client.clientId()) || !binding.redirectUri().equals(redirectUri)
                || !verifierMeets(codeVerifier, binding.codeChallenge())) {
            LOG.fine("ROTOR-Z104 authorization code refused: wrong client, redirect URI or code verifier");
            return new GrantResult.Refused(Refusal.INVALID_CODE);
        }
        return open(binding, code);
    }

    /**
     * With a challenge, the verifier must meet it; without one (a client registered without PKCE) there must be no
     * verifier either, or a downgrade could pass (RFC 9700 §2.1.1).
     */
    private static boolean verifierMeets(String verifier, String challenge) {
        return challenge == null ? verifier == null : Pkce.matches(verifier, challenge);
    }

    private GrantResult open(CodeBinding binding, String code) {
        Optional<User> user = Usernames.isValid(binding.subject()) ? users.find(binding.subject()) : Optional.empty();
        if (user.isPresent() && user.get().disabled()) {
            return new GrantResult.Refused(Refusal.INVALID_CODE);
        }
        Set<String> groups = user.map(User::groups).orElse(binding.groups());
        Optional<IssuedSession> session = sessions.create(new NewSession(binding.rid(), binding.subject(),
                binding.clientId(), groups, binding.sid(), true, binding.scopes()));
        if (session.isEmpty()) {
            LOG.fine("ROTOR-Z105 authorization code refused: the browser session signed out meanwhile");
            return new GrantResult.Refused(Refusal.INVALID_CODE);
        }
        if (codes.wasReplayed(code)) {
            termination.end(binding.rid());
            return new GrantResult.Refused(Refusal.CODE_REUSED);
        }
        AccessToken access = accessTokens.issue(binding.subject(), groups, binding.rid(), binding.clientId(),
                binding.scopes());
        String idToken = binding.scopes().contains(Scopes.OPENID)
                ? idTokens.issue(binding.subject(), binding.clientId(), binding.nonce(), binding.authTime(),
                binding.sid(), binding.scopes(), user, groups)
                : null;
        return new GrantResult.Granted(new TokenPair(access, session.get().refreshToken(), idToken,
                binding.scopes()));
    }
}
