package dev.rotor.it;

import dev.rotor.it.support.SampleApp;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import dev.rotor.it.support.TestTokens;
import dev.rotor.testsupport.RedisFixture;

import java.util.HashMap;
import java.util.Map;

/** The sample application protected by {@code JwtFilter} declared in web.xml. */
@ExtendWith(ArquillianExtension.class)
class FilterProtectedAppIT extends ProtectedAppContract {

    @Deployment(testable = false)
    static WebArchive app() {
        Map<String, String> settings = new HashMap<>(tokens.verifierSettings(redis.uri().toString()));
        settings.put("rotor.protected-paths", "/api/*,/servlet/*");
        settings.put("rotor.public-paths", "/api/public");
        return SampleApp.withFilter(settings);
    }

    @RegisterExtension
    static final RedisFixture redis = RedisFixture.start();
    static final TestTokens tokens = new TestTokens();

    @Override
    RedisFixture redis() {
        return redis;
    }

    @Override
    TestTokens tokens() {
        return tokens;
    }

    @AfterAll
    static void stopIssuer() {
        tokens.close();
    }
}
