package dev.rotor.filter.authentication;

import jakarta.servlet.http.HttpServletRequest;

/** The path of a request inside its application, as the container decoded and normalised it. */
final class RequestPaths {

    private RequestPaths() {
    }

    static String of(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        String path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
        return path.isEmpty() ? "/" : path;
    }
}
