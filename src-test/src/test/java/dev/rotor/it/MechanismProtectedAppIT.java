package dev.rotor.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import dev.rotor.it.support.TestTokens;
import dev.rotor.testsupport.RedisFixture;

import java.net.URI;
import java.net.URL;

/** The sample application protected by {@code JwtAuthenticationMechanism}, configured with context-params. */
@ExtendWith(ArquillianExtension.class)
class MechanismProtectedAppIT extends ProtectedAppContract {

    @Deployment(testable = false)
    static WebArchive app() {
        return mechanismApp(tokens, redis);
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

    @AfterAll
    static void stopIssuer() {
        tokens.close();
    }
}
