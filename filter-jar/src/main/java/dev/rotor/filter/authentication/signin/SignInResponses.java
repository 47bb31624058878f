package dev.rotor.filter.authentication.signin;

import jakarta.json.Json;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** The answers of browser sign-in: redirects, and small RFC 9457 problems with no token or input in them. */
final class SignInResponses {

    private SignInResponses() {
    }

    static void redirect(HttpServletResponse response, int status, String location) {
        response.resetBuffer();
        response.setStatus(status);
        response.setHeader("Location", location);
        response.setHeader("Cache-Control", "no-store");
    }

    static void redirect(HttpServletResponse response, URI location) {
        redirect(response, 302, location.toString());
    }

    static void problem(HttpServletResponse response, int status, String title, String detail) throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        if (status == 503) {
            response.setHeader("Retry-After", "5");
        }
        response.setContentType("application/problem+json");
        byte[] body = Json.createObjectBuilder().add("type", "about:blank").add("title", title).add("status", status)
                .add("detail", detail).build().toString().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    static void unavailable(HttpServletResponse response) throws IOException {
        problem(response, 503, "Service Unavailable", "Signing in cannot be checked right now. Try again shortly.");
    }
}
