package dev.rotor.it.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a browser, for OAuth clients tested over plain HTTP: follows the authorization request through
 * the issuer's login form with its own cookie jar ({@code __Host-} cookies are {@code Secure}, which the JDK's
 * cookie manager would not send over {@code http://localhost}), and returns where the issuer sends it back.
 */
public final class FormLogin {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern NEXT = Pattern.compile("name=\"next\" value=\"([^\"]+)\"");
    private static final Pattern CONTINUE = Pattern.compile("id=\"continue\" href=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();

    /** Opens {@code authorization} and signs in if asked; returns the URI the issuer sends the browser back to. */
    public URI signIn(URI authorization, String username, String password) {
        HttpResponse<String> response = get(authorization);
        if (response.statusCode() == 302) {
            return location(authorization, response);
        }
        if (response.statusCode() != 303) {
            throw new AssertionError("authorize answered " + response.statusCode() + ": " + response.body());
        }
        URI login = location(authorization, response);
        HttpResponse<String> form = get(login);
        String body = "username=" + encode(username) + "&password=" + encode(password) + "&csrf="
                + encode(unescape(group(CSRF, form.body()))) + "&next=" + encode(unescape(group(NEXT, form.body())));
        HttpResponse<String> posted = send(HttpRequest.newBuilder(login.resolve("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", login.getScheme() + "://" + login.getRawAuthority())
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (posted.statusCode() != 303) {
            throw new AssertionError("login answered " + posted.statusCode() + ": " + posted.body());
        }
        URI resume = location(login, posted);
        HttpResponse<String> resumed = get(resume);
        if (resumed.statusCode() != 200) {
            throw new AssertionError("resume answered " + resumed.statusCode() + ": " + resumed.body());
        }
        return URI.create(unescape(group(CONTINUE, resumed.body())));
    }

    /** A GET with this jar's cookies. */
    public HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            List<String> set = response.headers().allValues("Set-Cookie");
            for (String cookie : set) {
                String pair = cookie.split(";", 2)[0];
                int equals = pair.indexOf('=');
                String name = pair.substring(0, equals).strip();
                String value = pair.substring(equals + 1).strip();
                if (value.isEmpty() || cookie.contains("Max-Age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return response;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static URI location(URI base, HttpResponse<String> response) {
        return base.resolve(response.headers().firstValue("Location").orElseThrow());
    }

    private static String group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("not found: " + pattern + " in " + text);
        }
        return matcher.group(1);
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
