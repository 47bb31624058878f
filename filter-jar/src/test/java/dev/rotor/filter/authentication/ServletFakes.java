package dev.rotor.filter.authentication;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain-Java stand-ins for the few Servlet calls the filter makes, built with {@link Proxy} so that any call a test
 * did not expect fails loudly instead of answering a default. No container: {@code authenticate} reports false.
 */
final class ServletFakes {

    private ServletFakes() {
    }

    /** A GET of {@code path} (servlet path, no path info) with these {@code Authorization} header values. */
    static HttpServletRequest request(String path, String... authorization) {
        Map<String, Object> attributes = new HashMap<>();
        return (HttpServletRequest) Proxy.newProxyInstance(ServletFakes.class.getClassLoader(),
                new Class<?>[]{HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getServletPath", "getRequestURI" -> path;
                    case "getPathInfo", "getQueryString", "getUserPrincipal", "getRemoteUser" -> null;
                    case "getContextPath" -> "";
                    case "getMethod" -> "GET";
                    case "getHeaders" -> Collections.enumeration("Authorization".equalsIgnoreCase((String) args[0])
                            ? List.of(authorization) : List.of());
                    case "getHeader" -> "Authorization".equalsIgnoreCase((String) args[0]) && authorization.length > 0
                            ? authorization[0] : null;
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "removeAttribute" -> attributes.remove((String) args[0]);
                    case "authenticate", "isUserInRole" -> false;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "request " + path;
                    default -> throw new UnsupportedOperationException("request." + method.getName());
                });
    }

    /** What a response was given: status, headers and body. */
    static final class Answer {
        int status = 200;
        final Map<String, String> headers = new HashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();

        String body() {
            return body.toString(StandardCharsets.UTF_8);
        }

        HttpServletResponse response() {
            ServletOutputStream out = new ServletOutputStream() {
                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public void write(int b) {
                    body.write(b);
                }
            };
            return (HttpServletResponse) Proxy.newProxyInstance(ServletFakes.class.getClassLoader(),
                    new Class<?>[]{HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "setStatus" -> {
                            status = (Integer) args[0];
                            yield null;
                        }
                        case "sendError" -> {
                            status = (Integer) args[0];
                            headers.put("Content-Type", "text/html");
                            yield null;
                        }
                        case "setHeader", "addHeader" -> headers.put((String) args[0], (String) args[1]);
                        case "setContentType" -> headers.put("Content-Type", (String) args[0]);
                        case "setContentLength", "resetBuffer", "flushBuffer", "setCharacterEncoding" -> null;
                        case "getOutputStream" -> out;
                        case "isCommitted" -> false;
                        case "getHeader" -> headers.get((String) args[0]);
                        case "getStatus" -> status;
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        case "toString" -> "response " + status;
                        default -> throw new UnsupportedOperationException("response." + method.getName());
                    });
        }
    }

    /** A filter config whose init-params are {@code settings}. */
    static FilterConfig filterConfig(Map<String, String> settings) {
        return (FilterConfig) Proxy.newProxyInstance(ServletFakes.class.getClassLoader(),
                new Class<?>[]{FilterConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getInitParameter" -> settings.get((String) args[0]);
                    case "getInitParameterNames" -> Collections.enumeration(settings.keySet());
                    case "getFilterName" -> "rotor";
                    default -> throw new UnsupportedOperationException("filterConfig." + method.getName());
                });
    }
}
