package dev.rotor.it;

import dev.rotor.it.support.AsadminDomain;
import dev.rotor.it.support.IssuerDeployment;
import dev.rotor.it.support.TestTokens;
import dev.rotor.testsupport.RedisFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/**
 * The sample application on GlassFish 7, protected by the filter at /filter and by the mechanism at /mechanism, both
 * in one domain started once for this class, each with its own Redis. No GlassFish-specific file is needed.
 */
class GlassFishIT {

    // closed in stop(), not registered as extensions: @Nested classes would run their afterAll after each of them
    static final TestTokens tokens = new TestTokens();
    static final RedisFixture filterRedis = RedisFixture.start();
    static final RedisFixture mechanismRedis = RedisFixture.start();
    static AsadminDomain glassfish;

    @BeforeAll
    static void deployBothIntegrations() {
        Instant begin = Instant.now();
        glassfish = AsadminDomain.create(AsadminDomain.Distribution.GLASSFISH, "glassfish").start();
        Instant started = Instant.now();
        glassfish.deploy(IssuerDeployment.export(ProtectedAppContract.filterApp(tokens, filterRedis), "glassfish-filter"),
                "/filter");
        glassfish.deploy(IssuerDeployment.export(ProtectedAppContract.mechanismApp(tokens, mechanismRedis),
                "glassfish-mechanism"), "/mechanism");
        System.out.printf("GlassFish: domain created and started in %d s, both WARs deployed in %d s%n",
                Duration.between(begin, started).toSeconds(), Duration.between(started, Instant.now()).toSeconds());
    }

    @AfterAll
    static void stop() {
        if (glassfish != null) {
            glassfish.close();
        }
        tokens.close();
        filterRedis.close();
        mechanismRedis.close();
    }

    @Nested
    class Filter extends ProtectedAppContract {

        @Override
        URI base() {
            return glassfish.uri("/filter/");
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
            return glassfish.uri("/mechanism/");
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
