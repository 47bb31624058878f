package dev.rotor.it;

import dev.rotor.it.support.AsadminDomain;
import dev.rotor.it.support.Http;
import dev.rotor.it.support.IssuerClient;
import dev.rotor.it.support.Poll;
import dev.rotor.testsupport.RedisFixture;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The issuer EAR on Payara Server 6, set up as the README's "Deploy on a full server" says: a domain on free ports,
 * the Redis URL and the issuer URL as JVM options, the admin password as a password alias so that it never lands in
 * domain.xml. Both reach an application deployed afterwards without a restart of the domain (as seen on
 * 6.2025.10): MicroProfile Config reads the new system properties and, through Payara's password config source,
 * the alias.
 */
class PayaraServerEarIT {

    private static final String ADMIN_PASSWORD = "ear-admin-password-0123";

    @RegisterExtension
    static final RedisFixture redis = RedisFixture.start();
    static AsadminDomain payara;
    static IssuerClient issuer;
    static String issuerUrl;

    @BeforeAll
    static void deployTheEar() {
        Instant begin = Instant.now();
        payara = AsadminDomain.create(AsadminDomain.Distribution.PAYARA_SERVER, "payara-server").start();
        issuerUrl = "http://localhost:" + payara.httpPort();
        payara.remote("create-jvm-options", jvmOption("rotor.redis.url", redis.uri().toString()) + ":"
                + jvmOption("rotor.issuer", issuerUrl));
        payara.createPasswordAlias("rotor.admin.password", ADMIN_PASSWORD);
        Instant configured = Instant.now();
        payara.deploy(builtEar());
        issuer = new IssuerClient(payara.uri("/"));
        System.out.printf("Payara Server: domain created, started and configured in %d s, EAR deployed in %d s%n",
                Duration.between(begin, configured).toSeconds(), Duration.between(configured, Instant.now()).toSeconds());
    }

    @AfterAll
    static void stop() {
        if (payara != null) {
            payara.close();
        }
    }

    @Test
    void jwksPublishesThisInstancesPublicKeyOnly() {
        HttpResponse<String> response = issuer.get("/.well-known/jwks.json", null);
        assertEquals(200, response.statusCode(), response.body());
        JsonObject key = Http.json(response).getJsonArray("keys").getJsonObject(0);
        assertEquals("RS256", key.getString("alg"));
        assertFalse(key.containsKey("d"), "no private member");
    }

    @Test
    void discoveryNamesTheConfiguredIssuer() {
        JsonObject metadata = Http.json(issuer.get("/.well-known/openid-configuration", null));
        assertEquals(issuerUrl, metadata.getString("issuer"));
        assertEquals(issuerUrl + "/.well-known/jwks.json", metadata.getString("jwks_uri"));
        assertEquals(issuerUrl + "/oauth2/revoke", metadata.getString("revocation_endpoint"));
    }

    @Test
    void passwordGrantAcceptsTheAdminPasswordFromTheAliasOnly() {
        assertTrue(issuer.login("admin", ADMIN_PASSWORD).getString("access_token").length() > 100);
        HttpResponse<String> wrong = issuer.password("admin", ADMIN_PASSWORD + "x");
        assertEquals(400, wrong.statusCode());
        assertEquals("invalid_grant", Http.json(wrong).getString("error"));
    }

    @Test
    void adminKeysListsThePublishedKeysForTheAdminOnly() {
        assertEquals(401, issuer.get("/admin/keys", null).statusCode());
        HttpResponse<String> keys = issuer.get("/admin/keys", adminToken());
        assertEquals(200, keys.statusCode(), keys.body());
        assertTrue(keys.body().contains("\"ACTIVE\""), keys.body());
        Set<String> published = new Http().kids(issuer.uri("/.well-known/jwks.json"));
        assertTrue(published.stream().allMatch(keys.body()::contains), "every published kid is listed: " + published);
    }

    @Test
    void revokedTokenIsRejectedAtUserinfo() {
        String token = adminToken();
        assertEquals(200, issuer.get("/userinfo", token).statusCode());
        assertEquals(200, issuer.revoke(token).statusCode());
        assertTrue(Poll.until(Duration.ofSeconds(2), () -> issuer.get("/userinfo", token).statusCode() == 401),
                "the revoked token is refused");
    }

    @Test
    void adminPasswordIsNotInDomainXmlButTheJvmOptionsAre() throws IOException {
        String domainXml = Files.readString(payara.domainXml());
        assertFalse(domainXml.contains(ADMIN_PASSWORD));
        assertTrue(domainXml.contains("-Drotor.redis.url=" + redis.uri()), "the JVM option, unescaped");
    }

    private static String adminToken() {
        return issuer.login("admin", ADMIN_PASSWORD).getString("access_token");
    }

    /** asadmin separates JVM options with ':', so the colons inside a value are escaped. */
    private static String jvmOption(String key, String value) {
        return "-D" + key + "=" + value.replace(":", "\\:");
    }

    private static File builtEar() {
        File ear = new File(System.getProperty("rotor.it.issuerEar", "target/rotor-issuer.ear"));
        if (!ear.isFile()) {
            throw new IllegalStateException("rotor.it.issuerEar must point at the built EAR; run through mvn verify");
        }
        return ear;
    }
}
