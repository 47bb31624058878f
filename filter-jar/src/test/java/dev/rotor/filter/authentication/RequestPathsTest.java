package dev.rotor.filter.authentication;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RequestPathsTest {

    @Test
    void thePathIsTheServletPathAndPathInfoAsTheContainerDecodedThemNeverTheRawUri() {
        assertEquals("/api/orders/7", RequestPaths.of(request("/api", "/orders/7")));
        assertEquals("/servlet/whoami", RequestPaths.of(request("/servlet/whoami", null)));
        assertEquals("/", RequestPaths.of(request("", null)), "the context root");
        assertEquals("/", RequestPaths.of(request(null, null)));
    }

    private static HttpServletRequest request(String servletPath, String pathInfo) {
        return (HttpServletRequest) Proxy.newProxyInstance(RequestPathsTest.class.getClassLoader(),
                new Class<?>[]{HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getServletPath" -> servletPath;
                    case "getPathInfo" -> pathInfo;
                    default -> throw new UnsupportedOperationException(method.getName() + ": the raw URI is not used");
                });
    }
}
