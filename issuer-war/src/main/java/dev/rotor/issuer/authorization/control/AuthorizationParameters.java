package dev.rotor.issuer.authorization.control;

import dev.rotor.issuer.authorization.entity.AuthorizationRequest;
import dev.rotor.issuer.authorization.entity.Prompt;
import dev.rotor.issuer.authorization.entity.RequestCheck;
import dev.rotor.issuer.clients.entity.Client;
import dev.rotor.issuer.clients.entity.ClientIds;
import dev.rotor.issuer.clients.entity.GrantTypes;
import dev.rotor.issuer.clients.entity.Scopes;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks the parameters of {@code GET /oauth2/authorize} against the registered client, in the order that decides
 * where an error may go: first {@code client_id} and {@code redirect_uri}, whose problems the issuer shows itself;
 * then everything else, whose problems go back to the client. Only the authorization code flow with PKCE S256 is
 * offered; {@code state} is required.
 */
public final class AuthorizationParameters {

    static final int MAX_PARAMETERS = 32;
    static final int MAX_VALUE_LENGTH = 2048;
    private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x20-\\x7E]{1,512}");
    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Pattern MAX_AGE = Pattern.compile("[0-9]{1,9}");
    private static final Set<String> UNSUPPORTED = Set.of("request", "request_uri", "registration");

    private final Function<String, Optional<Client>> clients;

    /** @param clients finds a registered client by id */
    public AuthorizationParameters(Function<String, Optional<Client>> clients) {
        this.clients = clients;
    }

    /** @param query every query parameter with all its values, decoded */
    public RequestCheck check(Map<String, List<String>> query, Instant now) {
        if (query.size() > MAX_PARAMETERS
                || query.values().stream().anyMatch(values -> values.stream().anyMatch(v -> v.length() > MAX_VALUE_LENGTH))) {
            return new RequestCheck.Unverifiable("The sign-in request is too large.");
        }
        Optional<String> clientId = single(query, "client_id");
        if (clientId.isEmpty() || !ClientIds.isValid(clientId.get())) {
            return new RequestCheck.Unverifiable("The sign-in request names no valid application (client_id).");
        }
        Optional<Client> client = clients.apply(clientId.get());
        if (client.isEmpty()) {
            return new RequestCheck.Unverifiable("The application of this sign-in request is not registered.");
        }
        Optional<String> redirectUri = single(query, "redirect_uri");
        if (redirectUri.isEmpty() || !client.get().redirectUris().contains(redirectUri.get())) {
            return new RequestCheck.Unverifiable(
                    "The sign-in request's return address (redirect_uri) is not registered for this application.");
        }
        return checkRest(query, client.get(), redirectUri.get(), now);
    }

    private static RequestCheck checkRest(Map<String, List<String>> query, Client client, String redirectUri,
                                          Instant now) {
        String state = single(query, "state").filter(s -> VISIBLE_ASCII.matcher(s).matches()).orElse(null);
        Refusals refuse = new Refusals(redirectUri, state);
        if (query.values().stream().anyMatch(values -> values.size() != 1)) {
            return refuse.with("invalid_request", "A parameter is missing a value or repeated");
        }
        if (state == null) {
            return refuse.with("invalid_request", "state is required: 1 to 512 visible ASCII characters");
        }
        for (String name : UNSUPPORTED) {
            if (query.containsKey(name)) {
                return refuse.with(name.equals("registration") ? "registration_not_supported"
                        : name + "_not_supported", name + " is not supported");
            }
        }
        if (!"code".equals(value(query, "response_type"))) {
            return refuse.with("unsupported_response_type", "response_type must be code");
        }
        if (value(query, "response_mode") != null && !"query".equals(value(query, "response_mode"))) {
            return refuse.with("invalid_request", "response_mode must be query");
        }
        if (!client.allows(GrantTypes.AUTHORIZATION_CODE)) {
            return refuse.with("unauthorized_client", "This client may not use the authorization code flow");
        }
        String challenge = value(query, "code_challenge");
        String method = value(query, "code_challenge_method");
        boolean withoutPkce = challenge == null && method == null && !client.pkceRequired();
        if (!withoutPkce && (challenge == null || !CHALLENGE.matcher(challenge).matches())) {
            return refuse.with("invalid_request", "code_challenge is required: PKCE S256 (43 base64url characters)");
        }
        if (!withoutPkce && !"S256".equals(method)) {
            return refuse.with("invalid_request", "code_challenge_method must be S256");
        }
        Optional<Set<String>> scopes = Scopes.parse(value(query, "scope"));
        if (scopes.isEmpty() || !client.scopes().containsAll(scopes.get())) {
            return refuse.with("invalid_scope", "scope must name scopes this client may ask for");
        }
        String nonce = value(query, "nonce");
        if (nonce != null && !VISIBLE_ASCII.matcher(nonce).matches()) {
            return refuse.with("invalid_request", "nonce must be 1 to 512 visible ASCII characters");
        }
        if (withoutPkce && (nonce == null || !scopes.get().contains(Scopes.OPENID))) {
            return refuse.with("invalid_request", "without PKCE, openid and a nonce are required");
        }
        Optional<Set<Prompt>> prompts = prompts(value(query, "prompt"));
        if (prompts.isEmpty()) {
            return refuse.with("invalid_request", "prompt must be none, or some of login, consent, select_account");
        }
        String maxAge = value(query, "max_age");
        if (maxAge != null && !MAX_AGE.matcher(maxAge).matches()) {
            return refuse.with("invalid_request", "max_age must be a whole number of seconds");
        }
        return new RequestCheck.Accepted(new AuthorizationRequest(client.clientId(), redirectUri, scopes.get(), state,
                nonce, challenge, prompts.get(), maxAge == null ? null : Duration.ofSeconds(Long.parseLong(maxAge)),
                now));
    }

    private static Optional<Set<Prompt>> prompts(String parameter) {
        if (parameter == null) {
            return Optional.of(Set.of());
        }
        Set<Prompt> prompts = EnumSet.noneOf(Prompt.class);
        for (String value : parameter.split(" ", -1)) {
            Optional<Prompt> prompt = Prompt.named(value);
            if (prompt.isEmpty()) {
                return Optional.empty();
            }
            prompts.add(prompt.get());
        }
        if (prompts.contains(Prompt.NONE) && prompts.size() > 1) {
            return Optional.empty();
        }
        return Optional.of(prompts);
    }

    /** The one value of a parameter that is present once; empty when it is absent, empty or repeated. */
    private static Optional<String> single(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.size() != 1 || values.get(0).isEmpty()
                ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The value of a parameter already known to be present at most once; {@code null} when absent or empty. */
    private static String value(Map<String, List<String>> query, String name) {
        return single(query, name).orElse(null);
    }

    private record Refusals(String redirectUri, String state) {

        RequestCheck with(String error, String description) {
            return new RequestCheck.Refused(redirectUri, state, error, description);
        }
    }
}
