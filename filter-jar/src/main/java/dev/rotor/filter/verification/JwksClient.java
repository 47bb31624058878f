package dev.rotor.filter.verification;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fetches the configured JWKS URL, and only that URL: never one named in a token. Redirects are not followed,
 * the connection and the whole exchange are bounded by a timeout, and the body by a size limit.
 */
final class JwksClient implements JwksSource {

    static final int MAX_BODY_BYTES = 256 * 1024;
    private static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(5);
    private static final Pattern MAX_AGE = Pattern.compile("(?:^|[,\\s])max-age\\s*=\\s*\"?(\\d{1,9})\"?");

    private final URI jwksUri;
    private final Duration timeout;
    private final HttpClient http;

    JwksClient(URI jwksUri, Duration timeout, Executor executor) {
        this.jwksUri = jwksUri;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                // the JDK's default asks plain-http servers for an h2c upgrade, which Grizzly (Payara, GlassFish)
                // can leave unanswered until the timeout; a JWKS needs nothing of HTTP/2
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
    }

    URI uri() {
        return jwksUri;
    }

    /**
     * @return the document; it completes exceptionally on a network failure, a timeout, a status other than 200,
     *         or an oversized body
     */
    @Override
    public CompletableFuture<Document> fetch() {
        HttpRequest request = HttpRequest.newBuilder(jwksUri)
                .timeout(timeout)
                .header("Accept", "application/jwk-set+json, application/json")
                .GET()
                .build();
        CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request, this::boundedBody);
        CompletableFuture<Document> document = exchange.thenApply(JwksClient::document)
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        document.whenComplete((ignored, failure) -> exchange.cancel(true));
        return document;
    }

    private HttpResponse.BodySubscriber<byte[]> boundedBody(HttpResponse.ResponseInfo info) {
        if (info.statusCode() != 200) {
            return BodySubscribers.replacing(null);
        }
        return new BoundedBody(MAX_BODY_BYTES);
    }

    private static Document document(HttpResponse<byte[]> response) {
        if (response.statusCode() != 200 || response.body() == null) {
            throw new JwksUnavailableException("JWKS answered HTTP " + response.statusCode());
        }
        return new Document(response.body(), maxAge(response));
    }

    private static Duration maxAge(HttpResponse<?> response) {
        Optional<String> cacheControl = response.headers().firstValue("Cache-Control");
        if (cacheControl.isPresent()) {
            Matcher matcher = MAX_AGE.matcher(cacheControl.get());
            if (matcher.find()) {
                return Duration.ofSeconds(Long.parseLong(matcher.group(1)));
            }
        }
        return DEFAULT_MAX_AGE;
    }

    /** The JWKS could not be read this time; keys already cached stay in use. */
    static final class JwksUnavailableException extends RuntimeException {
        JwksUnavailableException(String message) {
            super(message, null, false, false);
        }
    }
}
