package dev.rotor.issuer.authorization.control;

import dev.rotor.issuer.authorization.entity.AuthorizationOutcome;
import dev.rotor.issuer.authorization.entity.AuthorizationRequest;
import dev.rotor.issuer.authorization.entity.CodeBinding;
import dev.rotor.issuer.authorization.entity.Prompt;
import dev.rotor.issuer.authorization.entity.RequestCheck;
import dev.rotor.issuer.clients.control.ClientRegistry;
import dev.rotor.issuer.configuration.IssuerConfig;
import dev.rotor.issuer.sessions.control.RefreshSessions;
import dev.rotor.issuer.sessions.entity.SessionInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import dev.rotor.filter.redis.RedisConnections;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The authorization endpoint's logic (RFC 6749 §4.1, OAuth 2.1, OpenID Connect Core §3.1.2): checks the request,
 * signs the user in through the login page when needed (the request waits server-side), and answers the client
 * with a single-use code or an error, each with {@code state} and {@code iss} (RFC 9207).
 */
@ApplicationScoped
public class Authorizations {

    private static final Logger LOG = Logger.getLogger(Authorizations.class.getName());

    private final AuthorizationParameters parameters;
    private final PendingRequests pending;
    private final AuthorizationCodes codes;
    private final RefreshSessions sessions;
    private final String issuer;
    private final Clock clock;

    @Inject
    public Authorizations(ClientRegistry clients, RedisConnections redis, IssuerConfig config, RefreshSessions sessions,
                          Clock clock) {
        this(new AuthorizationParameters(clients::find), new PendingRequests(redis, config.redisNames().prefix()),
                new AuthorizationCodes(redis, config.redisNames().prefix()), sessions, config.issuer().toString(),
                clock);
    }

    public Authorizations(AuthorizationParameters parameters, PendingRequests pending, AuthorizationCodes codes,
                          RefreshSessions sessions, String issuer, Clock clock) {
        this.parameters = parameters;
        this.pending = pending;
        this.codes = codes;
        this.sessions = sessions;
        this.issuer = issuer;
        this.clock = clock;
    }

    protected Authorizations() {
        this(null, null, null, null, null, null);
    }

    /**
     * @param browser the issuer session the browser is signed in with, if any
     * @throws dev.rotor.issuer.availability.BackendUnavailableException if Redis cannot be used
     */
    public AuthorizationOutcome authorize(Map<String, List<String>> query, Optional<SessionInfo> browser) {
        RequestCheck check = parameters.check(query, Instant.ofEpochMilli(clock.millis()));
        if (check instanceof RequestCheck.Unverifiable unverifiable) {
            LOG.fine("ROTOR-Z101 authorization request refused before its redirect URI was validated");
            return new AuthorizationOutcome.ShowProblem(unverifiable.problem());
        }
        if (check instanceof RequestCheck.Refused refused) {
            LOG.fine(() -> "ROTOR-Z102 authorization request refused: " + refused.error());
            return error(refused.redirectUri(), refused.state(), refused.error(), refused.description());
        }
        return answer(((RequestCheck.Accepted) check).request(), browser, null);
    }

    /** Continues the request waiting under {@code pendingId}, once the browser comes back from the login page. */
    public AuthorizationOutcome resume(String pendingId, Optional<SessionInfo> browser) {
        Optional<AuthorizationRequest> request = pending.find(pendingId);
        if (request.isEmpty()) {
            return new AuthorizationOutcome.ShowProblem(
                    "This sign-in request has expired. Go back to the application and start again.");
        }
        return answer(request.get(), browser, pendingId);
    }

    private AuthorizationOutcome answer(AuthorizationRequest request, Optional<SessionInfo> browser,
                                        String pendingId) {
        Instant now = Instant.ofEpochMilli(clock.millis());
        Optional<SessionInfo> fresh = browser.filter(session -> SignInRule.isFreshEnough(request,
                session.createdAt(), now));
        if (fresh.isEmpty() && request.prompts().contains(Prompt.NONE)) {
            release(pendingId);
            return error(request.redirectUri(), request.state(), "login_required", "The user is not signed in");
        }
        if (fresh.isEmpty()) {
            return new AuthorizationOutcome.SignIn(pendingId != null ? pendingId : pending.hold(request));
        }
        SessionInfo session = fresh.get();
        String code = codes.issue(new CodeBinding(request.clientId(), request.redirectUri(), request.codeChallenge(),
                request.nonce(), session.subject(), session.createdAt(), session.rid(), request.scopes(),
                sessions.groupsOf(session.rid()), sessions.newRid()));
        release(pendingId);
        LOG.info(() -> "ROTOR-Z201 authorization code issued to client " + request.clientId() + " for "
                + session.subject());
        Map<String, String> response = new LinkedHashMap<>();
        response.put("code", code);
        response.put("state", request.state());
        response.put("iss", issuer);
        return new AuthorizationOutcome.BackToClient(ResponseUris.with(request.redirectUri(), response));
    }

    private void release(String pendingId) {
        if (pendingId != null) {
            pending.release(pendingId);
        }
    }

    private AuthorizationOutcome error(String redirectUri, String state, String error, String description) {
        Map<String, String> response = new LinkedHashMap<>();
        response.put("error", error);
        response.put("error_description", description);
        response.put("state", state);
        response.put("iss", issuer);
        return new AuthorizationOutcome.BackToClient(ResponseUris.with(redirectUri, response));
    }
}
