package dev.rotor.it;

import dev.rotor.it.support.Http;
import dev.rotor.it.support.IssuerDeployment;
import dev.rotor.it.support.PayaraMicroProcess;
import dev.rotor.it.support.SampleApp;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bad setting stops the deployment of the issuer, or of an application that uses the verifier, with a message naming the setting. Payara itself keeps running, so
 * this starts its own process and reads its log rather than relying on Arquillian, which would report success.
 */
class BadConfigurationIT {

    @Test
    void badFilterInitParamStopsTheApplicationAndNamesTheSetting() {
        assertApplicationRefused(SampleApp.withFilter(verifierSettings("rotor.max-staleness", "soon")),
                "bad-filter-configuration", "Invalid setting rotor.max-staleness (environment variable ROTOR_MAX_STALENESS)");
    }

    @Test
    void badMechanismContextParamStopsTheApplicationAndNamesTheSetting() {
        assertApplicationRefused(SampleApp.withMechanism(verifierSettings("rotor.algorithms", "HS256")),
                "bad-mechanism-configuration", "Invalid setting rotor.algorithms (environment variable ROTOR_ALGORITHMS)");
    }

    private static Map<String, String> verifierSettings(String badKey, String badValue) {
        Map<String, String> settings = new HashMap<>(Map.of(
                "rotor.issuer", "http://127.0.0.1:1",
                "rotor.tokens.audience", "sample",
                "rotor.redis.url", "redis://127.0.0.1:1"));
        settings.put(badKey, badValue);
        return settings;
    }

    private static void assertApplicationRefused(WebArchive war, String name, String message) {
        try (PayaraMicroProcess payara = PayaraMicroProcess.start(name, IssuerDeployment.export(war, name))) {
            String log = payara.log();
            assertTrue(log.contains(message), "the log names the setting: " + message);
            assertNotEquals(200, new Http().get(payara.uri("/api/public")).statusCode(), "nothing is served");
        }
    }

    @Test
    void unknownAlgorithmStopsTheDeploymentAndNamesTheSetting() {
        Map<String, String> settings = Map.of(
                "rotor.redis.url", "redis://127.0.0.1:1",
                "rotor.keys.algorithm", "HS256");
        try (PayaraMicroProcess payara = PayaraMicroProcess.start("bad-configuration",
                IssuerDeployment.export(IssuerDeployment.issuer(settings), "bad-configuration"))) {
            String log = payara.log();
            assertTrue(log.contains("Invalid setting rotor.keys.algorithm (environment variable ROTOR_KEYS_ALGORITHM)"),
                    "the log names the setting");
            assertNotEquals(200, new Http().get(payara.uri("/.well-known/jwks.json")).statusCode(), "nothing is served");
        }
    }
}
