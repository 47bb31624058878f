package dev.rotor.it.support;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fault scenario 1 on any {@link ScaleTopology}: a token of every issuer instance verifies at every verifier, the JWKS
 * of every instance lists the keys of all of them, and each kid belongs to the one instance that logged it.
 */
public final class ScaleOutScenario {

    private final ScaleTopology topology;
    private final List<IssuerClient> issuers;
    private final Http http = new Http();

    public ScaleOutScenario(ScaleTopology topology, List<IssuerClient> issuers) {
        this.topology = topology;
        this.issuers = List.copyOf(issuers);
    }

    /**
     * @param accessToken signs {@code user} in at an instance and returns the access token
     * @param adminToken  a fresh token of the admin, for {@code GET /admin/keys}
     */
    public void assertEveryTokenVerifiesEverywhere(String user, Function<IssuerClient, String> accessToken,
                                                   Supplier<String> adminToken) {
        for (int v = 0; v < topology.verifierCount(); v++) {
            URI app = topology.whoami(v);
            assertTrue(Poll.until(Duration.ofSeconds(30), () -> http.statusOrZero(app) == 401), "verifier up");
        }
        List<String> tokens = issuers.stream().map(accessToken).toList();
        for (String token : tokens) {
            for (int v = 0; v < topology.verifierCount(); v++) {
                HttpResponse<String> response = http.get(topology.whoami(v), token);
                assertEquals(200, response.statusCode(), "verifier " + v + ", kid " + TokenParts.kid(token));
                assertTrue(response.body().startsWith("user=" + user), response.body());
            }
        }

        PublishedKeys keys = PublishedKeys.read(issuers.get(0), adminToken.get());
        List<String> kids = keys.keys().stream().map(PublishedKeys.Key::kid).toList();
        assertEquals(kids.size(), Set.copyOf(kids).size(), "each kid listed once: " + kids);
        Set<String> instances = keys.keys().stream().map(PublishedKeys.Key::instance).collect(Collectors.toSet());
        assertEquals(issuers.size(), instances.size(), "one set of keys per instance: " + keys);
        for (int i = 0; i < issuers.size(); i++) {
            String instance = keys.find(TokenParts.kid(tokens.get(i))).orElseThrow().instance();
            assertTrue(topology.issuer(i).log().contains("ROTOR-K001 instance " + instance + ":"),
                    "issuer " + i + " logged the instance that GET /admin/keys names for its token's kid");
            assertTrue(topology.issuer(i).log().contains("ROTOR-I001"), "the start-up line of issuer " + i);
            assertEquals(1, keys.ofInstance(instance).stream().filter(k -> k.state().equals("ACTIVE")).count(),
                    "one signing key per instance: " + keys);
            assertEquals(1, keys.ofInstance(instance).stream().filter(k -> k.state().equals("NEXT")).count(),
                    "one key published to sign next per instance: " + keys);
        }
        assertEquals(issuers.size(), tokens.stream()
                        .map(token -> keys.find(TokenParts.kid(token)).orElseThrow().instance()).distinct().count(),
                "the tokens were signed by as many instances");

        // keys rotate meanwhile: compare each JWKS with what the registry lists at that moment, until all agree
        assertTrue(Poll.until(Duration.ofSeconds(10), () -> {
                    Set<String> listed = PublishedKeys.read(issuers.get(0), adminToken.get()).keys().stream()
                            .map(PublishedKeys.Key::kid).collect(Collectors.toSet());
                    return issuers.stream().allMatch(issuer ->
                            http.kids(issuer.uri("/.well-known/jwks.json")).equals(listed));
                }), "the JWKS of every instance lists every instance's keys: " + kids);
    }
}
