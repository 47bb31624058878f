package dev.rotor.it.support;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded load of API clients: each thread holds one session, renews its access token every
 * {@code tokenAge} at the next issuer instance in turn, and calls the verifier applications in turn with it. Only
 * answers other than 200 for such a fresh, valid token count as failures.
 */
public final class BearerLoad {

    private static final int MAX_REPORTED = 20;

    private final List<IssuerClient> issuers;
    private final List<URI> protectedUris;
    private final Duration tokenAge;
    private final Duration pause;

    /** What a run saw. */
    public record Result(long accepted, List<String> failures, List<String> refreshFailures, Set<String> kids) {
    }

    public BearerLoad(List<IssuerClient> issuers, List<URI> protectedUris, Duration tokenAge, Duration pause) {
        this.issuers = List.copyOf(issuers);
        this.protectedUris = List.copyOf(protectedUris);
        this.tokenAge = tokenAge;
        this.pause = pause;
    }

    /** Runs one thread per session for {@code duration}, and returns once every thread has ended. */
    public Result run(List<UserSession> sessions, Duration duration) {
        Instant end = Instant.now().plus(duration);
        AtomicLong accepted = new AtomicLong();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        List<String> refreshFailures = Collections.synchronizedList(new ArrayList<>());
        Set<String> kids = ConcurrentHashMap.newKeySet();
        ExecutorService threads = Executors.newFixedThreadPool(sessions.size());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < sessions.size(); i++) {
                Client client = new Client(sessions.get(i), i, accepted, failures, refreshFailures, kids);
                running.add(threads.submit(() -> client.until(end)));
            }
            for (Future<?> future : running) {
                future.get(duration.toSeconds() + 60, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new AssertionError("the load did not end in time", e);
        } finally {
            threads.shutdownNow();
        }
        return new Result(accepted.get(), List.copyOf(failures), List.copyOf(refreshFailures), Set.copyOf(kids));
    }

    private final class Client {
        private final Http http = new Http();
        private final UserSession session;
        private final AtomicLong accepted;
        private final List<String> failures;
        private final List<String> refreshFailures;
        private final Set<String> kids;
        private int calls;
        private int refreshes;

        Client(UserSession session, int offset, AtomicLong accepted, List<String> failures,
               List<String> refreshFailures, Set<String> kids) {
            this.session = session;
            this.calls = offset;
            this.refreshes = offset;
            this.accepted = accepted;
            this.failures = failures;
            this.refreshFailures = refreshFailures;
            this.kids = kids;
        }

        void until(Instant end) {
            kids.add(TokenParts.kid(session.access()));
            while (Instant.now().isBefore(end)) {
                if (session.olderThan(tokenAge)) {
                    renew();
                }
                call();
                sleep();
            }
        }

        private void renew() {
            IssuerClient issuer = issuers.get(refreshes++ % issuers.size());
            try {
                HttpResponse<String> response = session.refreshAt(issuer);
                if (response.statusCode() == 200) {
                    kids.add(TokenParts.kid(session.access()));
                } else {
                    report(refreshFailures, issuer.uri("/") + " " + response.statusCode() + " " + response.body());
                }
            } catch (UncheckedIOException e) {
                report(refreshFailures, issuer.uri("/") + " " + e.getMessage());
            }
        }

        private void call() {
            URI uri = protectedUris.get(calls++ % protectedUris.size());
            String token = session.access();
            try {
                HttpResponse<String> response = http.get(uri, token);
                if (response.statusCode() == 200) {
                    accepted.incrementAndGet();
                } else {
                    report(failures, uri + " " + response.statusCode() + " kid " + TokenParts.kid(token) + " exp "
                            + TokenParts.expiresAt(token) + " at " + Instant.now() + " " + response.body());
                }
            } catch (UncheckedIOException e) {
                report(failures, uri + " " + e.getMessage());
            }
        }

        /** Keeps the first failures for the message, and then only counts them. */
        private void report(List<String> into, String failure) {
            synchronized (into) {
                if (into.size() < MAX_REPORTED) {
                    into.add(failure);
                } else if (into.size() == MAX_REPORTED) {
                    into.add("… and more");
                }
            }
        }

        private void sleep() {
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
