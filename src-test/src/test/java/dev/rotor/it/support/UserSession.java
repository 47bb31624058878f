package dev.rotor.it.support;

import jakarta.json.JsonObject;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * One signed-in session of a client: its current access token and the refresh token that renews it, at whichever
 * issuer instance the caller picks, as behind a load balancer. Not thread-safe: one per client thread.
 */
public final class UserSession {

    private String access;
    private String refresh;
    private Instant obtainedAt;

    private UserSession(JsonObject tokens) {
        take(tokens);
    }

    /** Logs in with the password grant at {@code issuer}. */
    public static UserSession login(IssuerClient issuer, String username, String password) {
        return new UserSession(issuer.login(username, password));
    }

    public String access() {
        return access;
    }

    public String refreshToken() {
        return refresh;
    }

    public boolean olderThan(Duration age) {
        return Instant.now().isAfter(obtainedAt.plus(age));
    }

    /** Refreshes at {@code issuer}; on anything but 200 the tokens stay as they were and the answer is returned. */
    public HttpResponse<String> refreshAt(IssuerClient issuer) {
        HttpResponse<String> response = issuer.refresh(refresh);
        if (response.statusCode() == 200) {
            take(Http.json(response));
        }
        return response;
    }

    /** A fresh access token, refreshed at {@code issuer} when the current one is older than {@code maxAge}. */
    public String fresh(IssuerClient issuer, Duration maxAge) {
        if (olderThan(maxAge)) {
            HttpResponse<String> response = refreshAt(issuer);
            if (response.statusCode() != 200) {
                throw new AssertionError("refresh failed: " + response.statusCode() + " " + response.body());
            }
        }
        return access;
    }

    private void take(JsonObject tokens) {
        access = tokens.getString("access_token");
        refresh = tokens.getString("refresh_token");
        obtainedAt = Instant.now();
    }
}
