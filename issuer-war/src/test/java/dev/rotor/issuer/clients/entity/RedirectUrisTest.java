package dev.rotor.issuer.clients.entity;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedirectUrisTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://app.example/cb", "https://app.example:8443/cb?tenant=1", "http://localhost:8080/cb",
            "http://127.0.0.1:9000/rotor/callback", "http://[::1]:9000/cb"})
    void httpsOrLoopbackHttpMayBeRegistered(String uri) {
        assertTrue(RedirectUris.isAllowed(uri));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://app.example/cb", "https://app.example/cb#x", "https://user@app.example/cb",
            "javascript:alert(1)", "/relative", "https:///cb", "https://app.example/c b", "http://LOCALHOST/cb",
            "http://localhost.evil.example/cb", "ftp://app.example/cb", ""})
    void anythingElseIsRefused(String uri) {
        assertFalse(RedirectUris.isAllowed(uri));
    }
}
