package dev.rotor.issuer.cookies.boundary;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads the browser flow's cookies from a request. */
final class BrowserRequests {

    private BrowserRequests() {
    }

    /** The value of cookie {@code name} if the request holds it exactly once and not empty; duplicates are refused. */
    static Optional<String> cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        List<String> values = Arrays.stream(cookies).filter(cookie -> name.equals(cookie.getName()))
                .map(Cookie::getValue).toList();
        return values.size() == 1 && values.get(0) != null && !values.get(0).isEmpty()
                ? Optional.of(values.get(0)) : Optional.empty();
    }
}
