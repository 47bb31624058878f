package dev.rotor.it;

import dev.rotor.it.support.IssuerDeployment;
import dev.rotor.it.support.TestTokens;
import dev.rotor.it.support.WildFlyServer;
import dev.rotor.testsupport.RedisFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The sample application on WildFly, protected by the filter at /filter and by the mechanism at /mechanism, both in
 * one server started once for this class, each with its own Redis. The server has Elytron's Jakarta Security
 * integration enabled ({@link WildFlyServer#ENABLE_JAKARTA_SECURITY}), as the README says.
 */
class WildFlyIT {

    // closed in stop(), not registered as extensions: @Nested classes would run their afterAll after each of them
    static final TestTokens tokens = new TestTokens();
    static final RedisFixture filterRedis = RedisFixture.start();
    static final RedisFixture mechanismRedis = RedisFixture.start();
    static WildFlyServer wildfly;

    @BeforeAll
    static void deployBothIntegrations() {
        Instant begin = Instant.now();
        wildfly = WildFlyServer.start("wildfly", Map.of(
                "filter", IssuerDeployment.export(ProtectedAppContract.filterApp(tokens, filterRedis), "wildfly-filter"),
                "mechanism", IssuerDeployment.export(ProtectedAppContract.mechanismApp(tokens, mechanismRedis),
                        "wildfly-mechanism")));
        System.out.printf("WildFly: configured, started and both WARs deployed in %d s%n",
                Duration.between(begin, Instant.now()).toSeconds());
    }

    @AfterAll
    static void stop() {
        if (wildfly != null) {
            wildfly.close();
        }
        tokens.close();
        filterRedis.close();
        mechanismRedis.close();
    }

    @Nested
    class Filter extends ProtectedAppContract {

        @Override
        URI base() {
            return wildfly.uri("/filter/");
        }

        @Override
        RedisFixture redis() {
            return filterRedis;
        }

        @Override
        TestTokens tokens() {
            return tokens;
        }
    }

    @Nested
    class Mechanism extends ProtectedAppContract {

        @Override
        URI base() {
            return wildfly.uri("/mechanism/");
        }

        @Override
        RedisFixture redis() {
            return mechanismRedis;
        }

        @Override
        TestTokens tokens() {
            return tokens;
        }
    }
}
