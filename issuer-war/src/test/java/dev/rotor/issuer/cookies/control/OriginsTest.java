package dev.rotor.issuer.cookies.control;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OriginsTest {

    @Test
    void requestOriginComesFromSchemeAndHost() {
        assertEquals(Optional.of("http://localhost:8080"), Origins.of("http", "localhost:8080"));
        assertEquals(Optional.of("https://rotor.example"), Origins.of("https", "Rotor.Example:443"));
        assertEquals(Optional.of("http://[::1]:8080"), Origins.of("http", "[::1]:8080"));
    }

    @Test
    void hostHeaderThatIsNoHostGivesNoOrigin() {
        assertEquals(Optional.empty(), Origins.of("http", null));
        assertEquals(Optional.empty(), Origins.of("http", ""));
        assertEquals(Optional.empty(), Origins.of("http", "evil/path"));
        assertEquals(Optional.empty(), Origins.of("http", "user@localhost"));
    }

    @Test
    void opaqueAndMalformedOriginsAreNotOrigins() {
        assertEquals(Optional.empty(), Origins.canonical("null"));
        assertEquals(Optional.empty(), Origins.canonical("file:///etc/passwd"));
        assertEquals(Optional.empty(), Origins.canonical("http://a b"));
        assertEquals(Optional.empty(), Origins.canonical("http://localhost/?x"));
    }

    @Test
    void originWithAPathIsNoOrigin() {
        assertEquals(Optional.empty(), Origins.canonical("https://rotor.example/auth"));
    }

    @Test
    void configuredIssuerWithAPathHasTheOriginOfItsAuthority() {
        URI issuer = URI.create("https://Rotor.Example:443/auth");
        assertEquals(Optional.of("https://rotor.example"), Origins.of(issuer.getScheme(), issuer.getRawAuthority()));
    }
}
