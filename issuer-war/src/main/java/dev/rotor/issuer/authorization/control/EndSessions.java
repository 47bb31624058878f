package dev.rotor.issuer.authorization.control;

import dev.rotor.issuer.authorization.entity.EndSessionOutcome;
import dev.rotor.issuer.authorization.entity.LogoutHint;
import dev.rotor.issuer.clients.control.ClientRegistry;
import dev.rotor.issuer.clients.entity.Client;
import dev.rotor.issuer.clients.entity.ClientIds;
import dev.rotor.issuer.configuration.IssuerConfig;
import dev.rotor.issuer.keys.control.PublicKeyRegistry;
import dev.rotor.issuer.revocation.control.SessionTermination;
import dev.rotor.issuer.sessions.entity.SessionInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * OpenID Connect RP-Initiated Logout 1.0: ends the issuer browser session named by a valid {@code id_token_hint}
 * together with every app session signing in there created (single logout), then returns the browser to the
 * client's registered {@code post_logout_redirect_uri}, matched exactly, with its {@code state}. Without a valid
 * hint nothing proves the client asked, so the user confirms with a CSRF-protected form first.
 */
@ApplicationScoped
public class EndSessions {

    private static final Logger LOG = Logger.getLogger(EndSessions.class.getName());
    private static final Pattern STATE = Pattern.compile("[\\x20-\\x7E]{1,512}");

    private final ClientRegistry clients;
    private final IdTokenHints hints;
    private final SessionTermination termination;

    @Inject
    public EndSessions(ClientRegistry clients, PublicKeyRegistry keys, IssuerConfig config,
                       SessionTermination termination, Clock clock) {
        this(clients, new IdTokenHints(keys, config.issuer().toString(), clock), termination);
    }

    public EndSessions(ClientRegistry clients, IdTokenHints hints, SessionTermination termination) {
        this.clients = clients;
        this.hints = hints;
        this.termination = termination;
    }

    protected EndSessions() {
        this(null, (IdTokenHints) null, null);
    }

    /** A logout request as the client sends it (query or form). */
    public EndSessionOutcome request(Map<String, List<String>> parameters, Optional<SessionInfo> browser) {
        if (parameters.values().stream().anyMatch(values -> values.size() != 1) || parameters.size() > 16) {
            return new EndSessionOutcome.Problem("A parameter of the logout request is repeated or empty.");
        }
        Optional<LogoutHint> hint = Optional.ofNullable(value(parameters, "id_token_hint")).flatMap(hints::verify);
        String named = value(parameters, "client_id");
        if (hint.isPresent() && named != null && !named.equals(hint.get().clientId())) {
            return new EndSessionOutcome.Problem("The logout request names two different applications.");
        }
        String clientId = hint.map(LogoutHint::clientId).orElse(named);
        return target(clientId, value(parameters, "post_logout_redirect_uri"), value(parameters, "state"))
                .map(problem -> (EndSessionOutcome) new EndSessionOutcome.Problem(problem))
                .orElseGet(() -> decide(hint, clientId, parameters, browser));
    }

    /** The user confirmed on the form: ends the browser's own issuer session and all linked to it. */
    public EndSessionOutcome confirmed(Map<String, List<String>> form, Optional<SessionInfo> browser) {
        String clientId = value(form, "client_id");
        String redirect = value(form, "post_logout_redirect_uri");
        String state = value(form, "state");
        Optional<String> problem = target(clientId, redirect, state);
        if (problem.isPresent()) {
            return new EndSessionOutcome.Problem(problem.get());
        }
        browser.ifPresent(session -> end(session.rid()));
        return new EndSessionOutcome.SignedOut(location(redirect, state), true);
    }

    private EndSessionOutcome decide(Optional<LogoutHint> hint, String clientId, Map<String, List<String>> parameters,
                                     Optional<SessionInfo> browser) {
        String redirect = value(parameters, "post_logout_redirect_uri");
        String state = value(parameters, "state");
        if (hint.isPresent()) {
            end(hint.get().sid());
            boolean own = browser.map(session -> session.rid().equals(hint.get().sid())).orElse(false);
            return new EndSessionOutcome.SignedOut(location(redirect, state), own);
        }
        if (browser.isEmpty()) {
            return new EndSessionOutcome.SignedOut(location(redirect, state), false);
        }
        return new EndSessionOutcome.Confirm(clientId, redirect, state);
    }

    /** A problem with the client, return address or state, or empty when they are acceptable. */
    private Optional<String> target(String clientId, String redirect, String state) {
        if (state != null && !STATE.matcher(state).matches()) {
            return Optional.of("The logout request's state is malformed.");
        }
        if (redirect == null) {
            return Optional.empty();
        }
        Optional<Client> client = ClientIds.isValid(clientId) ? clients.find(clientId) : Optional.empty();
        if (client.isEmpty() || !client.get().postLogoutRedirectUris().contains(redirect)) {
            return Optional.of("The logout request's return address (post_logout_redirect_uri) is not registered "
                    + "for this application.");
        }
        return Optional.empty();
    }

    private void end(String sid) {
        termination.end(sid);
        LOG.info(() -> "ROTOR-Z202 single logout: browser session " + sid + " and its linked sessions ended");
    }

    private static URI location(String redirect, String state) {
        if (redirect == null) {
            return null;
        }
        Map<String, String> response = new LinkedHashMap<>();
        response.put("state", state);
        return state == null ? URI.create(redirect) : ResponseUris.with(redirect, response);
    }

    private static String value(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() || values.get(0).isEmpty() ? null : values.get(0);
    }
}
