package dev.rotor.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import dev.rotor.it.support.TestTokens;
import dev.rotor.testsupport.RedisFixture;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The sample application protected by {@code JwtFilter} declared in web.xml, bringing an older Jackson 2.x of its
 * own, as many applications do: the filter neither needs nor disturbs it.
 */
@ExtendWith(ArquillianExtension.class)
class FilterProtectedAppIT extends ProtectedAppContract {

    @Deployment(testable = false)
    static WebArchive app() {
        String jackson = "com.fasterxml.jackson.core:jackson-databind:" + FOREIGN_JACKSON;
        return filterApp(tokens, redis)
                .addAsLibraries(Maven.resolver().resolve(jackson).withTransitivity().asFile())
                .addAsWebInfResource(new StringAsset(APPLICATION_CLASSES_FIRST), "glassfish-web.xml");
    }

    /** Payara loads its own Jackson first unless the application asks for its own classes first, as such apps do. */
    private static final String APPLICATION_CLASSES_FIRST = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE glassfish-web-app PUBLIC "-//GlassFish.org//DTD GlassFish Application Server 3.1 Servlet 3.0//EN"
                "http://glassfish.org/dtds/glassfish-web-app_3_0-1.dtd">
            <glassfish-web-app><class-loader delegate="false"/></glassfish-web-app>
            """;

    private static final String FOREIGN_JACKSON = System.getProperty("rotor.it.foreignJackson", "2.12.7");

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
    void theFilterJarBringsItsMechanismBeanUnlessFilterOnlyLeavesItOut() {
        assertEquals("1", http.get(uri("/mechanisms")).body());
    }

    @Test
    void theApplicationKeepsItsOwnJacksonBesideTheFilter() {
        HttpResponse<String> response = http.get(uri("/jackson-version"));
        assertEquals(200, response.statusCode());
        assertEquals(FOREIGN_JACKSON, response.body(), "the application's Jackson, not one the filter brought");
        assertEquals(200, get("/api/secure", tokens.token("alice", rid(), List.of("admin"))).statusCode());
    }

    @AfterAll
    static void stopIssuer() {
        tokens.close();
    }
}
