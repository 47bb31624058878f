package dev.rotor.it;

import dev.rotor.it.support.SampleApp;
import dev.rotor.it.support.TestTokens;
import dev.rotor.testsupport.RedisFixture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The fast filter-only setup of the README (Option A): the application registers {@code FilterOnly}, which leaves the
 * mechanism out, and sets {@code rotor.container-login} to {@code off}. The whole contract holds, and the caller is
 * still seen by the application.
 */
@ExtendWith(ArquillianExtension.class)
class FilterOnlyAppIT extends ProtectedAppContract {

    @Deployment(testable = false)
    static WebArchive app() {
        Map<String, String> settings = new HashMap<>(tokens.verifierSettings(redis.uri().toString()));
        settings.put("rotor.protected-paths", "/api/*,/servlet/*,/signed-in/*");
        settings.put("rotor.public-paths", "/api/public");
        settings.put("rotor.container-login", "off");
        return SampleApp.withFilter(settings).addAsResource(
                new StringAsset("dev.rotor.filter.authentication.FilterOnly\n"),
                "META-INF/services/jakarta.enterprise.inject.spi.Extension");
    }

    @ArquillianResource
    URL base;

    @RegisterExtension
    static final RedisFixture redis = RedisFixture.start();
    static final TestTokens tokens = new TestTokens();

    @Override
    URI base() {
        return URI.create(base.toString());
    }

    @Override
    RedisFixture redis() {
        return redis;
    }

    @Override
    TestTokens tokens() {
        return tokens;
    }

    @Test
    void theMechanismIsLeftOut() {
        assertEquals("0", http.get(uri("/mechanisms")).body(), "no Jakarta Security mechanism bean in the application");
    }

    @Test
    void theApplicationStillSeesTheCallerWithoutAContainerLogin() {
        HttpResponse<String> response = get("/servlet/whoami", tokens.token("carol", rid(), List.of("user")));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(true, response.body().startsWith("user=carol"), response.body());
    }

    @AfterAll
    static void stopIssuer() {
        tokens.close();
    }
}
