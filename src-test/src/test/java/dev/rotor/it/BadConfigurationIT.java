package dev.rotor.it;

import dev.rotor.it.support.Http;
import dev.rotor.it.support.IssuerDeployment;
import dev.rotor.it.support.PayaraMicroProcess;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bad setting stops the issuer's deployment with a message naming the setting. Payara itself keeps running, so
 * this starts its own process and reads its log rather than relying on Arquillian, which would report success.
 */
class BadConfigurationIT {

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
            assertTrue(log.contains("Startup of context  failed"), "the application did not start");
            assertEquals(404, new Http().get(payara.uri("/.well-known/jwks.json")).statusCode(), "nothing is served");
        }
    }
}
