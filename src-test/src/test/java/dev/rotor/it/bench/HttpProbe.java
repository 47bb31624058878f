package dev.rotor.it.bench;

import dev.rotor.it.support.Poll;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Single GETs outside the load: the checks before measuring and the start-up clocks. */
final class HttpProbe {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The status of one GET with {@code token} as its bearer token, or none if null; -1 if nothing answered. */
    int status(URI uri, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** @return whether the GET answered {@code status} before {@code timeout} passed */
    boolean awaitStatus(URI uri, String token, int status, Duration timeout) {
        return Poll.until(timeout, () -> status(uri, token) == status);
    }
}
