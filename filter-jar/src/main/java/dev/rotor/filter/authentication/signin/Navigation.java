package dev.rotor.filter.authentication.signin;

import jakarta.servlet.http.HttpServletRequest;

import java.net.URI;
import java.util.Locale;

/** What a request says about itself that browser sign-in needs: is it a page navigation, where is it, where from. */
final class Navigation {

    private Navigation() {
    }

    /**
     * A top-level page load that may be sent to the issuer: a {@code GET} that accepts HTML and is neither an
     * {@code XMLHttpRequest} nor a {@code fetch} (whose {@code Sec-Fetch-Mode} is not {@code navigate}).
     */
    static boolean isPageLoad(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        String mode = request.getHeader("Sec-Fetch-Mode");
        return "GET".equals(request.getMethod()) && accept != null
                && accept.toLowerCase(Locale.ROOT).contains("text/html")
                && !"XMLHttpRequest".equalsIgnoreCase(request.getHeader("X-Requested-With"))
                && (mode == null || mode.equalsIgnoreCase("navigate"));
    }

    /**
     * The path and query of this request, to come back to after signing in: always a path of this application, never
     * a URL from a parameter, so it cannot lead anywhere else.
     */
    static String returnTo(HttpServletRequest request) {
        String path = request.getRequestURI();
        String query = request.getQueryString();
        String target = query == null ? path : path + "?" + query;
        boolean safe = target.startsWith("/") && !target.startsWith("//") && target.length() <= 2048
                && target.chars().allMatch(c -> c > 0x20 && c < 0x7F && c != '\\');
        return safe ? target : request.getContextPath() + "/";
    }

    /** The application's origin: {@code rotor.base-url}, or the one the request was addressed to. */
    static String origin(SignInConfig config, HttpServletRequest request) {
        if (config.baseUrl() != null) {
            String base = config.baseUrl().toString();
            return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        }
        int port = request.getServerPort();
        boolean defaultPort = port == ("https".equals(request.getScheme()) ? 443 : 80);
        return request.getScheme() + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
    }

    /** An absolute URL of a path of this application. */
    static String url(SignInConfig config, HttpServletRequest request, String path) {
        return origin(config, request) + request.getContextPath() + path;
    }

    /** Whether a state-changing request comes from our own pages: an {@code Origin}, when sent, is ours. */
    static boolean isSameOrigin(SignInConfig config, HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return !"cross-site".equalsIgnoreCase(request.getHeader("Sec-Fetch-Site"));
        }
        try {
            return URI.create(origin).equals(URI.create(origin(config, request)));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
