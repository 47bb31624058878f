package dev.rotor.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The load driver over HTTP, the same for every server: {@code clients} threads, each with its own keep-alive
 * HTTP/1.1 connection, each posting one grant after the other for a warm-up and then for the measured window.
 * Grants are counted by when they complete. A refresh client presents the refresh token the previous answer returned, so every grant is a rotation; it opens
 * its chain with one password grant before the warm-up, and a refused refresh counts as an error and opens a new one.
 */
final class GrantLoad {

    enum Grant { REFRESH, PASSWORD }

    /** Grants answered 200 within the window, refused or failed ones, and the latency of the good ones. */
    record Result(long granted, long errors, double perSecond, double p50Millis, double p99Millis) {
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final int clients;
    private final Duration warmUp;
    private final Duration window;

    GrantLoad(int clients, Duration warmUp, Duration window) {
        this.clients = clients;
        this.warmUp = warmUp;
        this.window = window;
    }

    Result run(TokenEndpoint endpoint, Grant grant) throws InterruptedException {
        long start = System.nanoTime() + warmUp.toNanos();
        long end = start + window.toNanos();
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Client>> running = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                running.add(threads.submit(() -> new Client(endpoint, grant).run(start, end)));
            }
            List<Client> done = new ArrayList<>();
            for (Future<Client> client : running) {
                done.add(client.get());
            }
            return summary(done);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a load client failed", e.getCause());
        } finally {
            threads.shutdownNow();
        }
    }

    private Result summary(List<Client> done) {
        long granted = done.stream().mapToLong(client -> client.granted).sum();
        long errors = done.stream().mapToLong(client -> client.errors).sum();
        long[] latencies = done.stream().flatMapToLong(client -> Arrays.stream(client.latencies, 0, client.recorded))
                .sorted().toArray();
        return new Result(granted, errors, granted / (window.toNanos() / 1e9), percentile(latencies, 0.50),
                percentile(latencies, 0.99));
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, p * sorted.length)] / 1e6;
    }

    /** One client: one connection, one refresh-token chain. */
    private static final class Client {
        private final TokenEndpoint endpoint;
        private final Grant grant;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private long granted;
        private long errors;
        private long[] latencies = new long[4096];
        private int recorded;

        Client(TokenEndpoint endpoint, Grant grant) {
            this.endpoint = endpoint;
            this.grant = grant;
        }

        Client run(long start, long end) throws IOException, InterruptedException {
            String refreshToken = grant == Grant.REFRESH ? login() : null;
            long now = System.nanoTime();
            while (now < end) {
                String form = grant == Grant.REFRESH ? endpoint.refreshForm(refreshToken) : endpoint.passwordForm();
                HttpResponse<String> answer = post(form);
                long sent = now;
                now = System.nanoTime();
                // a grant counts in the window it completes in: a closed loop's throughput
                boolean ok = answer.statusCode() == 200 && answer.body().contains("\"access_token\"");
                if (ok && grant == Grant.REFRESH) {
                    refreshToken = field(answer.body(), "refresh_token");
                }
                if (now >= start && now < end) {
                    if (ok) {
                        granted++;
                        record(now - sent);
                    } else {
                        errors++;
                    }
                }
                if (!ok && grant == Grant.REFRESH) {
                    System.out.println("  " + endpoint.server() + " refused a refresh (" + answer.statusCode() + " "
                            + answer.body() + "); a new chain starts");
                    refreshToken = login();
                    now = System.nanoTime();
                }
            }
            return this;
        }

        private String login() throws IOException, InterruptedException {
            HttpResponse<String> answer = post(endpoint.passwordForm());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(endpoint.server() + " refused the password grant: "
                        + answer.statusCode() + " " + answer.body());
            }
            return field(answer.body(), "refresh_token");
        }

        private HttpResponse<String> post(String form) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(endpoint.uri()).timeout(TIMEOUT)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }

        private void record(long nanos) {
            if (recorded == latencies.length) {
                latencies = Arrays.copyOf(latencies, recorded * 2);
            }
            latencies[recorded++] = nanos;
        }

        private static String field(String body, String name) {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                JsonObject json = reader.readObject();
                return json.getString(name);
            }
        }
    }
}
