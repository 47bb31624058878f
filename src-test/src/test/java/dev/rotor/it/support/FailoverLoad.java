package dev.rotor.it.support;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A load on one issuer and one verifier that records the outcome of every call, so that what a Redis failover breaks
 * and when each operation works again can be read off afterwards: a thread per session that verifies its access
 * token every 50 ms and refreshes it every second, and a thread that signs in with the password grant and revokes
 * the new token, a revocation counting only once the verifier refuses that token (within 2 s). Password grants are
 * few because each costs a PBKDF2 hash of 600,000 iterations.
 */
public final class FailoverLoad implements AutoCloseable {

    private static final Duration PAUSE = Duration.ofMillis(50);
    private static final Duration SIGN_IN_PAUSE = Duration.ofMillis(300);
    private static final Duration TOKEN_AGE = Duration.ofSeconds(1);
    private static final Duration REJECTION = Duration.ofSeconds(2);
    /** How many successes in a row, and nothing else after them, count as recovered. */
    private static final int RECOVERED_RUN = 3;

    /** What the load does. */
    public enum Kind { ISSUE, REFRESH, VERIFY, REVOKE }

    /** One call: its kind, when its answer came, its status (0 for no answer) and whether it did what it should. */
    public record Sample(Kind kind, Instant at, int status, boolean ok) {
    }

    private final IssuerClient issuer;
    private final URI app;
    private final String user;
    private final String password;
    private final List<Sample> samples = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();

    private FailoverLoad(IssuerClient issuer, URI app, String user, String password) {
        this.issuer = issuer;
        this.app = app;
        this.user = user;
        this.password = password;
    }

    /** Signs in {@code sessions} sessions and starts the threads. */
    public static FailoverLoad start(IssuerClient issuer, URI app, String user, String password, int sessions) {
        FailoverLoad load = new FailoverLoad(issuer, app, user, password);
        for (int i = 0; i < sessions; i++) {
            UserSession session = UserSession.login(issuer, user, password);
            load.threads.add(new Thread(() -> load.useSession(session), "load-session-" + i));
        }
        load.threads.add(new Thread(load::signInAndRevoke, "load-sign-in"));
        load.threads.forEach(Thread::start);
        return load;
    }

    /**
     * When {@code kind} worked again after {@code since}: the answer of the first call of the last unbroken run of
     * successes, if that run is at least {@value #RECOVERED_RUN} calls long.
     */
    public Optional<Instant> recoveredAfter(Kind kind, Instant since) {
        List<Sample> after = of(kind).stream().filter(sample -> sample.at().isAfter(since)).toList();
        int start = after.size();
        while (start > 0 && after.get(start - 1).ok()) {
            start--;
        }
        return after.size() - start >= RECOVERED_RUN ? Optional.of(after.get(start).at()) : Optional.empty();
    }

    /** The answer of the last call of {@code kind} after {@code since} that did not do what it should. */
    public Optional<Instant> lastFailureAfter(Kind kind, Instant since) {
        return of(kind).stream().filter(sample -> sample.at().isAfter(since) && !sample.ok()).map(Sample::at)
                .reduce((first, second) -> second);
    }

    /** How many calls of {@code kind} after {@code since} did not do what they should. */
    public long failuresAfter(Kind kind, Instant since) {
        return of(kind).stream().filter(sample -> sample.at().isAfter(since) && !sample.ok()).count();
    }

    /** Whether {@link #recoveredAfter} holds for every kind. */
    public boolean everyKindRecovered(Instant since) {
        return List.of(Kind.values()).stream().allMatch(kind -> recoveredAfter(kind, since).isPresent());
    }

    /** The answers of each kind, status by status, for the report. */
    public Map<Kind, Map<Integer, Long>> statuses() {
        Map<Kind, Map<Integer, Long>> statuses = new EnumMap<>(Kind.class);
        for (Sample sample : snapshot()) {
            statuses.computeIfAbsent(sample.kind(), kind -> new TreeMap<>()).merge(sample.status(), 1L, Long::sum);
        }
        return statuses;
    }

    /**
     * What a failover must never cause: an answer other than 200 or 503 (or, for a refresh, 400: a session written
     * just before the kill that the promoted replica never got; the client then signs in again).
     */
    public List<Sample> unexpected() {
        return snapshot().stream().filter(sample -> sample.status() != 200 && sample.status() != 503
                && !(sample.kind() == Kind.REFRESH && sample.status() == 400)).toList();
    }

    public List<Sample> of(Kind kind) {
        return snapshot().stream().filter(sample -> sample.kind() == kind).toList();
    }

    /** Stops every thread and waits for its last call to end. */
    @Override
    public void close() {
        running.set(false);
        try {
            for (Thread thread : threads) {
                thread.join(Duration.ofSeconds(35).toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void useSession(UserSession first) {
        Http http = new Http();
        UserSession session = first;
        while (running.get()) {
            if (session.olderThan(TOKEN_AGE)) {
                UserSession renewing = session;
                int status = status(() -> renewing.refreshAt(issuer));
                record(Kind.REFRESH, status, status == 200);
                if (status == 400) {
                    session = signIn().orElse(session);
                }
            }
            String token = session.access();
            int status = status(() -> http.get(app, token));
            record(Kind.VERIFY, status, status == 200);
            pause(PAUSE);
        }
    }

    /** A revocation is tried only with a token in hand, so it counts from when sign-in works again. */
    private void signInAndRevoke() {
        Http http = new Http();
        while (running.get()) {
            HttpResponse<String> signedIn = answer(() -> issuer.password(user, password));
            int issued = signedIn == null ? 0 : signedIn.statusCode();
            record(Kind.ISSUE, issued, issued == 200);
            if (issued == 200) {
                String token = Http.json(signedIn).getString("access_token");
                int status = status(() -> issuer.revoke(token));
                boolean rejected = status == 200 && Poll.until(REJECTION,
                        () -> status(() -> http.get(app, token)) == 401);
                record(Kind.REVOKE, status, rejected);
            }
            pause(SIGN_IN_PAUSE);
        }
    }

    private Optional<UserSession> signIn() {
        try {
            return Optional.of(UserSession.login(issuer, user, password));
        } catch (AssertionError | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private void record(Kind kind, int status, boolean ok) {
        synchronized (samples) {
            samples.add(new Sample(kind, Instant.now(), status, ok));
        }
    }

    private List<Sample> snapshot() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    private static int status(Supplier<HttpResponse<String>> call) {
        HttpResponse<String> response = answer(call);
        return response == null ? 0 : response.statusCode();
    }

    private static HttpResponse<String> answer(Supplier<HttpResponse<String>> call) {
        try {
            return call.get();
        } catch (UncheckedIOException e) {
            return null;
        }
    }

    /** The pause between two calls of a thread whose loop ends when the load is closed. */
    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
