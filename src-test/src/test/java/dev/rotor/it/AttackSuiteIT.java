package dev.rotor.it;

import dev.rotor.it.support.ConnectionTrap;
import dev.rotor.it.support.HostileTokens;
import dev.rotor.it.support.Http;
import dev.rotor.it.support.IssuerClient;
import dev.rotor.it.support.IssuerDeployment;
import dev.rotor.it.support.LogWatch;
import dev.rotor.it.support.PayaraMicroProcess;
import dev.rotor.it.support.Poll;
import dev.rotor.it.support.TestTokens;
import dev.rotor.testsupport.RedisFixture;
import dev.rotor.testsupport.TestKeys;
import dev.rotor.testsupport.TokenFixture;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.File;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import static dev.rotor.it.support.HostileTokens.b64;
import static dev.rotor.it.support.HostileTokens.flippedBit;
import static dev.rotor.it.support.HostileTokens.hmacSigned;
import static dev.rotor.it.support.HostileTokens.json;
import static dev.rotor.it.support.HostileTokens.segments;
import static dev.rotor.it.support.HostileTokens.withHeader;
import static dev.rotor.it.support.HostileTokens.withRawHeader;
import static dev.rotor.it.support.HostileTokens.withSignature;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ../shared/SECURITY.md} as an attack run: one test per bullet, each against every target it applies to —
 * the deployed issuer ({@code /userinfo}, {@code /admin}, {@code /oauth2/*}) and the sample application protected
 * by the filter ({@code /filter}) and by the mechanism ({@code /mechanism}), all three in ONE Payara Micro process
 * started once for the class. Every rejection is checked for the whole contract ({@link #assertRejected}): status,
 * {@code WWW-Authenticate}, {@code Cache-Control: no-store}, a body with no stack trace, exception class, kid or
 * JWKS URL, an answer within {@link #BOUND}, at most one log record and no stack trace in the server log, and a
 * valid token that still works afterwards. Bullets that other classes already cover in depth are named in the
 * README's security table rather than repeated here.
 */
class AttackSuiteIT {

    static final Duration BOUND = Duration.ofSeconds(5);
    /** A login that reaches PBKDF2 (600,000 iterations, or the dummy hash of an unknown user) on a loaded machine. */
    static final Duration HASHING_BOUND = Duration.ofSeconds(20);
    private static final String ADMIN_PASSWORD = "attack-admin-password-0123";

    @RegisterExtension
    static final RedisFixture redis = RedisFixture.start();
    static final TestTokens tokens = new TestTokens();
    static final ConnectionTrap trap = new ConnectionTrap();
    static final Http http = new Http();

    static PayaraMicroProcess server;
    static LogWatch log;
    static IssuerClient issuer;
    static String adminToken;
    static List<Target> targets;

    /** Where a bearer token is checked, with the realm it answers in and a supplier of tokens it accepts. */
    record Target(String name, String path, String realm, Supplier<String> validToken, boolean signable) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void start() {
        Map<String, File> wars = new LinkedHashMap<>();
        wars.put("/", IssuerDeployment.export(IssuerDeployment.issuer(Map.of(
                "rotor.issuer", "https://issuer.example",
                "rotor.redis.url", redis.uri().toString(),
                "rotor.admin.password", ADMIN_PASSWORD,
                "rotor.login.max-failures-per-account", "3",
                "rotor.login.max-failures-per-client", "1000")), "attack-suite", "issuer.war"));
        wars.put("/filter", IssuerDeployment.export(ProtectedAppContract.filterApp(tokens, redis), "attack-suite",
                "filter.war"));
        wars.put("/mechanism", IssuerDeployment.export(ProtectedAppContract.mechanismApp(tokens, redis),
                "attack-suite", "mechanism.war"));
        server = PayaraMicroProcess.start("attack-suite", wars);
        log = new LogWatch(server.logFile());
        assertTrue(LogWatch.records(server.log()) > 10, "the log's record format is recognised, so counts are real");
        issuer = new IssuerClient(server.uri("/"));
        assertTrue(Poll.until(Duration.ofSeconds(60), () -> http.statusOrZero(server.uri("/health/ready")) == 200),
                "the issuer becomes ready");
        adminToken = issuer.login("admin", ADMIN_PASSWORD).getString("access_token");
        Supplier<String> sample = () -> tokens.token("alice", UUID.randomUUID().toString(), List.of("user", "admin"));
        targets = List.of(
                new Target("filter", "/filter/servlet/whoami", "sample", sample, true),
                new Target("mechanism", "/mechanism/servlet/whoami", "sample", sample, true),
                new Target("issuer", "/userinfo", "rotor", () -> adminToken, false));
        for (Target target : targets) {
            assertTrue(Poll.until(Duration.ofSeconds(30), () -> bearer(target, target.validToken().get())
                    .statusCode() == 200), target + " accepts a valid token");
        }
        log.mark();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        tokens.close();
        trap.close();
    }

    // ---- Verifier: tokens ------------------------------------------------------------------------------------

    @Test
    void algNoneInEverySpellingIsRejected() {
        for (Target target : targets) {
            String token = target.validToken().get();
            List<UnaryOperator<JsonObjectBuilder>> spellings = new ArrayList<>();
            for (String alg : List.of("none", "None", "NONE", "nOnE", "")) {
                spellings.add(h -> h.add("alg", alg));
            }
            spellings.add(h -> h.addNull("alg"));
            spellings.add(h -> h.remove("alg"));
            for (UnaryOperator<JsonObjectBuilder> spelling : spellings) {
                String unsigned = withSignature(withHeader(token, spelling), "");
                assertRejected(target, unsigned);
                assertRejected(target, unsigned.substring(0, unsigned.length() - 1));
            }
        }
    }

    @Test
    void tamperedSignaturesAreRejected() {
        for (Target target : targets) {
            String token = target.validToken().get();
            String signature = segments(token)[2];
            assertRejected(target, withSignature(token, ""));
            assertRejected(target, withSignature(token, signature.substring(0, signature.length() / 2)));
            assertRejected(target, flippedBit(token));
            assertEquals(200, bearer(target, token).statusCode(), "the original token still works");
        }
    }

    @Test
    void hmacSignedWithThePublicKeyIsRejected() {
        for (Target target : targets) {
            String token = target.validToken().get();
            for (byte[] key : publicKeyForms(target, token)) {
                for (String alg : List.of("HS256", "HS384", "HS512")) {
                    assertRejected(target, hmacSigned(token, alg, key));
                }
            }
        }
    }

    /** CVE-2022-21449: Java 15–18 accepted r = s = 0 for any message; it must stay rejected on any JVM. */
    @Test
    void psychicSignaturesAreRejected() {
        byte[] order = unsigned(((ECPublicKey) TokenFixture.EC.getPublic()).getParams().getOrder());
        byte[] rsN = new byte[64];
        System.arraycopy(order, 0, rsN, 0, 32);
        System.arraycopy(order, 0, rsN, 32, 32);
        byte[] derZeros = {0x30, 0x06, 0x02, 0x01, 0x00, 0x02, 0x01, 0x00};
        for (Target target : targets) {
            String es256 = withHeader(target.validToken().get(), h -> h.add("alg", "ES256"));
            for (byte[] signature : List.of(new byte[64], rsN, derZeros)) {
                assertRejected(target, withSignature(es256, b64(signature)));
            }
        }
    }

    /** The verifier never fetches a URL named in a token: the trap must see no connection at all. */
    @Test
    void headerSuppliedKeysAreRejectedAndNeverFetched() {
        KeyPair attacker = TokenFixture.ATTACKER_RSA;
        JsonObject attackerJwk = json(TestKeys.jwk("attacker", attacker));
        for (Target target : targets) {
            String claims = new String(Base64.getUrlDecoder().decode(segments(target.validToken().get())[1]),
                    StandardCharsets.UTF_8);
            for (UnaryOperator<JsonObjectBuilder> header : List.<UnaryOperator<JsonObjectBuilder>>of(
                    h -> h.add("jwk", attackerJwk).add("kid", "attacker"),
                    h -> h.add("x5c", Json.createArrayBuilder().add(b64(attacker.getPublic().getEncoded()))),
                    h -> h.add("jku", trap.uri("/jwks.json").toString()),
                    h -> h.add("x5u", trap.uri("/cert.pem").toString()),
                    h -> h.add("jku", trap.uri("/jwks.json").toString()).add("kid", "attacker"),
                    h -> h.add("kid", trap.uri("/kid").toString()))) {
                JsonObject genuine = HostileTokens.header(target.validToken().get());
                String headerJson = header.apply(Json.createObjectBuilder(genuine)).add("alg", "RS256").build()
                        .toString();
                assertRejected(target, TokenFixture.signed(headerJson, claims, attacker.getPrivate(), "SHA256withRSA"));
            }
        }
        assertFalse(Poll.until(Duration.ofSeconds(1), () -> trap.connections() > 0),
                "no server fetched a URL from a token header");
        trap.probe();
        assertTrue(Poll.until(Duration.ofSeconds(1), () -> trap.connections() == 1), "the trap counts a connection");
    }

    @Test
    void kidAbuseIsRejectedQuicklyWithoutAFetchStorm() {
        List<String> kids = List.of("../../dev/null", "../../../../etc/passwd", "' OR '1'='1", "1; DROP TABLE keys--",
                "*)(uid=*))(|(uid=*", "a\r\nROTOR-K001 forged log line", "a\u0000b", "*", "%00", "${jndi:ldap://x/a}",
                UUID.randomUUID().toString());
        for (Target target : targets) {
            String token = target.validToken().get();
            for (String kid : kids) {
                assertRejected(target, withHeader(token, h -> h.add("kid", kid)), kid);
            }
        }
        int fetchesBefore = tokens.jwksRequests();
        Target filter = targets.get(0);
        for (int i = 0; i < 200; i++) {
            String unknown = "flood-" + UUID.randomUUID();
            HttpResponse<String> response = bearer(filter, withHeader(filter.validToken().get(),
                    h -> h.add("kid", unknown)));
            assertEquals(401, response.statusCode());
        }
        assertEquals(200, bearer(filter, filter.validToken().get()).statusCode(), "a good token during the flood");
        assertTrue(tokens.jwksRequests() - fetchesBefore <= 5,
                "200 unknown kids made " + (tokens.jwksRequests() - fetchesBefore) + " JWKS fetches");
    }

    /** A 100 KB kid makes a header too large for the container: a fast 4xx, whatever answers it. */
    @Test
    void hugeKidGetsAFast4xx() {
        for (Target target : targets) {
            String token = withHeader(target.validToken().get(), h -> h.add("kid", "k".repeat(100_000)));
            assertFast4xx(target, "Bearer " + token);
        }
    }

    @Test
    void algorithmAndKeyTypeMustMatch() {
        byte[] sixtyFour = new byte[64];
        Arrays.fill(sixtyFour, (byte) 7);
        for (Target target : targets) {
            String token = target.validToken().get();
            String alg = HostileTokens.header(token).getString("alg");
            for (String other : List.of("RS256", "ES256", "PS256", "RS512", "ES256K", "ES384", "EdDSA")) {
                if (!other.equals(alg)) {
                    assertRejected(target, withHeader(token, h -> h.add("alg", other)));
                }
            }
            assertRejected(target, withSignature(withHeader(token, h -> h.add("alg", alg.equals("ES256") ? "RS256"
                    : "ES256")), b64(sixtyFour)));
        }
    }

    /** Needs a trusted key to sign with, so it runs against the two sample applications. */
    @Test
    void claimsAreEnforced() {
        long now = System.currentTimeMillis() / 1000;
        Map<String, UnaryOperator<JsonObjectBuilder>> bad = new LinkedHashMap<>();
        bad.put("exp in the past", c -> c.add("exp", now - 3600));
        bad.put("exp absent", c -> c.remove("exp"));
        bad.put("exp null", c -> c.addNull("exp"));
        bad.put("exp a string", c -> c.add("exp", Long.toString(now + 900)));
        bad.put("exp 1e30", c -> c.add("exp", new BigDecimal("1e30")));
        bad.put("nbf in the future", c -> c.add("nbf", now + 3600));
        bad.put("iat in the future", c -> c.add("iat", now + 3600));
        bad.put("iss wrong", c -> c.add("iss", "https://evil.example"));
        bad.put("iss absent", c -> c.remove("iss"));
        bad.put("aud wrong", c -> c.add("aud", "other"));
        bad.put("aud absent", c -> c.remove("aud"));
        bad.put("aud []", c -> c.add("aud", Json.createArrayBuilder()));
        bad.put("sub absent", c -> c.remove("sub"));
        String header = "{\"alg\":\"RS256\",\"typ\":\"at+jwt\",\"kid\":\"" + TestTokens.KID + "\"}";
        for (Target target : signable()) {
            for (Map.Entry<String, UnaryOperator<JsonObjectBuilder>> claim : bad.entrySet()) {
                String claims = claim.getValue().apply(Json.createObjectBuilder(json(tokens.claims("alice"))))
                        .build().toString();
                assertRejected(target, tokens.signed(header, claims));
            }
            for (String typ : List.of("JWT", "jwt", "at+JWT+x", "")) {
                assertRejected(target, tokens.signed(header.replace("at+jwt", typ), tokens.claims("alice")));
            }
            assertRejected(target, tokens.signed(header.replace(",\"typ\":\"at+jwt\"", ""), tokens.claims("alice")));
            assertEquals(200, bearer(target, tokens.signed(header, tokens.claims("alice"))).statusCode(),
                    "the unchanged claims verify: each rejection above is caused by its one change");
        }
    }

    @Test
    void malformedTokenShapesAreRejected() {
        for (Target target : targets) {
            String token = target.validToken().get();
            String[] parts = segments(token);
            List<String> shapes = new ArrayList<>(List.of(".", "..", "...", "a.b.c.d", "a.b.c.d.e",
                    parts[0] + "." + parts[1] + "." + parts[2] + "." + parts[2],
                    parts[0] + "." + parts[1] + "." + parts[2] + ".x.y",
                    withHeader(token, h -> h.add("zip", "DEF")),
                    token.replace('-', '+').replace('_', '/') + "!",
                    parts[0] + "==." + parts[1] + "." + parts[2],
                    parts[0] + "." + parts[1] + "=." + parts[2],
                    parts[0] + ".\t" + parts[1] + "." + parts[2],
                    b64(new byte[] {(byte) 0xff, (byte) 0xfe, '{', '}'}) + "." + parts[1] + "." + parts[2],
                    withRawHeader(token, "[]"), withRawHeader(token, "\"x\""), withRawHeader(token, "null"),
                    withRawHeader(token, "{\"alg\":\"RS256\",\"x\":" + "[".repeat(2000) + "]".repeat(2000) + "}"),
                    withRawHeader(token, "{\"alg\":\"RS256\",\"x\":" + "1".repeat(1200) + "}"),
                    withRawHeader(token, "{\"alg\":\"RS256\",\"x\":0." + "1".repeat(1200) + "}"),
                    withRawHeader(token, "{\"alg\":\"RS256\",\"x\":1e999999999}")));
            for (String shape : shapes) {
                assertRejected(target, shape);
            }
            assertRefused(target, "Bearer ", 400, "invalid_request");
        }
    }

    @Test
    void megabyteTokensGetAFast4xx() {
        for (Target target : targets) {
            assertFast4xx(target, "Bearer " + "a".repeat(1 << 20) + ".b.c");
        }
    }

    // ---- Verifier: transport ---------------------------------------------------------------------------------

    @Test
    void noAuthorizationHeaderGetsABareChallenge() {
        for (Target target : targets) {
            HttpResponse<String> response = timed(target, request(target).build());
            assertEquals(401, response.statusCode(), target.name());
            assertEquals("Bearer realm=\"" + target.realm() + "\"", header(response, "WWW-Authenticate"));
            assertCleanRefusal(target, response);
        }
    }

    @Test
    void schemesAreCaseInsensitiveAndOthersAreRefusedCleanly() {
        for (Target target : targets) {
            String token = target.validToken().get();
            assertEquals(200, timed(target, request(target).header("Authorization", "bearer " + token).build())
                    .statusCode(), target + ": the scheme is case-insensitive");
            assertEquals(200, timed(target, request(target).header("Authorization", "BEARER " + token).build())
                    .statusCode(), target + ": the scheme is case-insensitive");
            HttpResponse<String> basic = timed(target, request(target)
                    .header("Authorization", "Basic YWRtaW46eA==").build());
            assertEquals(401, basic.statusCode(), target.name());
            assertEquals("Bearer realm=\"" + target.realm() + "\"", header(basic, "WWW-Authenticate"));
            assertCleanRefusal(target, basic);
            assertRefused(target, "Bearer", 400, "invalid_request");
            assertRefused(target, "Bearer " + token + " " + token, 400, "invalid_request");
            HttpResponse<String> twice = timed(target, request(target).header("Authorization", "Bearer " + token)
                    .header("Authorization", "Bearer " + token).build());
            assertEquals(400, twice.statusCode(), target + ": two Authorization headers");
            assertCleanRefusal(target, twice);
            HttpResponse<String> query = timed(target, HttpRequest.newBuilder(server.uri(target.path()
                    + "?access_token=" + token)).timeout(BOUND).GET().build());
            assertEquals(401, query.statusCode(), target + ": no token in the query string");
            assertCleanRefusal(target, query);
        }
    }

    /** Answered by the container (Grizzly) before Rotor runs: the observed response is printed for the report. */
    @Test
    void oversizedHeadersGetAFast4xx() {
        for (Target target : targets) {
            for (int size : List.of(16 * 1024, 64 * 1024, 1 << 20)) {
                HttpResponse<String> response = timed(target, request(target)
                        .header("X-Padding", "p".repeat(size)).build());
                report(target + " X-Padding of " + size + " bytes", response);
                assertTrue(response.statusCode() >= 400 && response.statusCode() < 500, target + ": "
                        + response.statusCode());
                assertCleanBody(response.body());
            }
        }
    }

    @Test
    void aUserTokenOnAnAdminResourceGets403InsufficientScope() {
        String userOnly = tokens.token("carol", UUID.randomUUID().toString(), List.of("user"));
        for (String path : List.of("/filter/api/secure", "/mechanism/api/secure")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.uri(path)).timeout(BOUND)
                    .header("Authorization", "Bearer " + userOnly).GET().build());
            assertEquals(403, response.statusCode(), path);
            assertEquals("Bearer realm=\"sample\", error=\"insufficient_scope\"", header(response, "WWW-Authenticate"));
            assertEquals("no-store", header(response, "Cache-Control"));
        }
        String user = newIssuerUser();
        String userToken = issuer.login(user, password(user)).getString("access_token");
        HttpResponse<String> admin = issuer.get("/admin/keys", userToken);
        assertEquals(403, admin.statusCode(), admin.body());
        assertEquals("Bearer realm=\"rotor\", error=\"insufficient_scope\"", header(admin, "WWW-Authenticate"));
        assertEquals("no-store", header(admin, "Cache-Control"));
        assertEquals(401, issuer.get("/admin/keys", null).statusCode());
        assertEquals(200, issuer.get("/admin/keys", adminToken).statusCode());
    }

    @Test
    void unusualMethodsAndOverridesWithoutATokenGetNoData() {
        for (Target target : targets) {
            for (String method : List.of("GET", "HEAD", "DELETE", "PUT", "PATCH", "OPTIONS", "TRACE", "PROPFIND",
                    "FOO")) {
                HttpResponse<String> response = timed(target, request(target)
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .header("X-HTTP-Method-Override", "GET").header("X-Method-Override", "GET").build());
                int status = response.statusCode();
                assertTrue(status == 401 || status == 403 || status == 405 || status == 400,
                        target + " " + method + " got " + status);
                assertFalse(response.body().contains("user=") || response.body().contains("\"sub\""),
                        target + " " + method + ": no data");
            }
        }
    }

    // ---- Issuer: login ---------------------------------------------------------------------------------------

    @Test
    void hostileLoginInputIsRefusedWithout5xx() {
        List<Map<String, String>> forms = new ArrayList<>();
        // each of these reaches a PBKDF2 hash (a dummy one for an unknown user), seconds on a loaded machine: few
        for (String username : List.of("admin' OR '1'='1", "*)(uid=*))(|(uid=*", "admin\r\nX: y\u0000",
                "a".repeat(10_000))) {
            forms.add(Map.of("grant_type", "password", "username", username, "password", "x", "client_id", "it"));
        }
        forms.add(Map.of("grant_type", "password", "client_id", "it"));
        forms.add(Map.of("grant_type", "password", "username", "admin", "client_id", "it"));
        forms.add(Map.of("username", "admin", "password", "x"));
        forms.add(Map.of("grant_type", "password", "username", "admin", "password", "p".repeat(1 << 20),
                "client_id", "it"));
        for (Map<String, String> form : forms) {
            log.mark();
            long start = System.nanoTime();
            HttpResponse<String> response = issuer.form("/oauth2/token", form);
            boolean refusedBeforeHashing = form.getOrDefault("password", "").length() > 1024;
            assertWithin(start, refusedBeforeHashing ? BOUND : HASHING_BOUND, "login " + abbreviated(form.toString()));
            assertTrue(response.statusCode() == 400 || response.statusCode() == 401, response.statusCode() + " "
                    + response.body());
            assertEquals("no-store", header(response, "Cache-Control"));
            assertCleanBody(response.body());
            assertQuietLog(abbreviated(form.toString()));
        }
        for (String type : List.of("application/json", "text/plain", "application/x-www-form-urlencoded; charset=UTF-7",
                "application/x-www-form-urlencoded; charset=nope", "multipart/form-data; boundary=x")) {
            log.mark();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.uri("/oauth2/token"))
                    .timeout(BOUND).header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username=admin&password=x"))
                    .build());
            report("POST /oauth2/token as " + type, response);
            assertEquals(400, response.statusCode(), type);
            assertEquals("invalid_request", Http.json(response).getString("error"), type);
            assertEquals("no-store", header(response, "Cache-Control"), type);
            assertCleanBody(response.body());
            assertQuietLog(type);
        }
        for (String path : List.of("/login", "/logout")) {
            log.mark();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.uri(path)).timeout(BOUND)
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-7")
                    .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=x")).build());
            report("POST " + path + " as UTF-7", response);
            assertEquals(400, response.statusCode(), path);
            assertTrue(header(response, "Content-Type").startsWith("text/html"), path + ": the page's own format");
            assertEquals("no-store", header(response, "Cache-Control"), path);
            assertCleanBody(response.body());
            assertQuietLog(path + " as UTF-7");
        }
        issuer.login("admin", ADMIN_PASSWORD);
    }

    // ---- Issuer: refresh, logout, admin ----------------------------------------------------------------------

    @Test
    void hostileAdminBodiesAreA400NotA5xx() {
        for (String body : List.of("{\"username\":\"x\",\"password\":\"p\",\"groups\":[],\"n\":" + "9".repeat(1200)
                        + "}", "{\"groups\":" + "[".repeat(2000) + "]".repeat(2000) + "}",
                "{\"username\":\"a\",\"username\":\"b\",\"password\":\"p\",\"groups\":[]}", "[]", "null", "",
                "{\"username\":\"" + "a".repeat(20_000) + "\"}", "{\"username\":\"a\"} trailing")) {
            log.mark();
            long start = System.nanoTime();
            HttpResponse<String> response = issuer.send("POST", "/admin/users", adminToken, body);
            assertWithin(start, "admin body");
            assertTrue(response.statusCode() == 400 || response.statusCode() == 413, response.statusCode() + " "
                    + response.body());
            assertEquals("no-store", header(response, "Cache-Control"));
            assertCleanBody(response.body());
            assertQuietLog("admin body " + abbreviated(body));
        }
    }

    @Test
    void hostileTokensAtTheIssuersOwnEndpointsAreRefusedWithout5xx() {
        String huge = withRawHeader(adminToken, "{\"alg\":\"RS256\",\"x\":" + "1".repeat(1200) + "}");
        for (String path : List.of("/oauth2/introspect", "/oauth2/revoke")) {
            for (String token : List.of(huge, "..", "a".repeat(5000), adminToken + "x")) {
                log.mark();
                long start = System.nanoTime();
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.uri(path)).timeout(BOUND)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Authorization", "Bearer " + adminToken)
                        .POST(HttpRequest.BodyPublishers.ofString("token=" + token)).build());
                assertWithin(start, path);
                assertTrue(response.statusCode() < 500, path + ": " + response.statusCode() + " " + response.body());
                assertCleanBody(response.body());
                assertQuietLog(path);
            }
        }
    }

    // ---- the contract ----------------------------------------------------------------------------------------

    /** REJ of SECURITY.md, then the target's valid token still works. */
    private static void assertRejected(Target target, String token, String... secrets) {
        log.mark();
        HttpResponse<String> response = timed(target, request(target).header("Authorization", "Bearer " + token)
                .build());
        String what = target + " " + abbreviated(token);
        assertEquals(401, response.statusCode(), what + ": " + response.body());
        assertTrue(header(response, "WWW-Authenticate").startsWith("Bearer realm=\"" + target.realm()
                + "\", error=\"invalid_token\""), what + ": " + header(response, "WWW-Authenticate"));
        assertCleanRefusal(target, response, secrets);
        assertFalse(token.length() >= 8 && response.body().contains(token), what + ": no echo of the token");
        assertQuietLog(what);
        assertEquals(200, bearer(target, target.validToken().get()).statusCode(), what + ": a valid token still works");
    }

    private static void assertRefused(Target target, String authorization, int status, String error) {
        log.mark();
        HttpResponse<String> response = timed(target, request(target).header("Authorization", authorization).build());
        assertEquals(status, response.statusCode(), target + " " + authorization);
        assertTrue(header(response, "WWW-Authenticate").startsWith("Bearer realm=\"" + target.realm() + "\"")
                && header(response, "WWW-Authenticate").contains("error=\"" + error + "\""), target + " "
                + header(response, "WWW-Authenticate"));
        assertCleanRefusal(target, response);
        assertQuietLog(target + " " + authorization);
    }

    private static void assertFast4xx(Target target, String authorization) {
        log.mark();
        HttpResponse<String> response = timed(target, request(target).header("Authorization", authorization).build());
        report(target + " Authorization of " + authorization.length() + " characters", response);
        assertTrue(response.statusCode() >= 400 && response.statusCode() < 500, target + ": " + response.statusCode());
        assertCleanBody(response.body());
        assertQuietLog(target + " huge header");
        assertEquals(200, bearer(target, target.validToken().get()).statusCode(), "a valid token still works");
    }

    private static void assertCleanRefusal(Target target, HttpResponse<String> response, String... secrets) {
        assertEquals("no-store", header(response, "Cache-Control"), target + " " + response.statusCode());
        assertCleanBody(response.body(), secrets);
    }

    /** No stack trace, no exception class, no kid, no JWKS URL. */
    private static void assertCleanBody(String body, String... secrets) {
        String lower = body.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("exception") || lower.contains("error:") || body.contains("\tat ")
                || body.contains("at dev.rotor") || body.contains("at java."), body);
        assertFalse(lower.contains("jwks") || body.contains(tokens.issuer()) || lower.contains("localhost:"), body);
        for (String secret : secrets) {
            assertFalse(secret.length() >= 4 && body.contains(secret), "no echo of " + secret);
        }
    }

    /** At most one log record for the request just made, none with a stack trace; one record names its ROTOR id. */
    private static void assertQuietLog(String what) {
        String written = log.sinceMark();
        assertTrue(LogWatch.records(written) <= 1, what + " wrote " + LogWatch.recordLines(written));
        assertFalse(LogWatch.hasStackTrace(written), what + " wrote a stack trace:\n" + abbreviated(written));
        if (LogWatch.records(written) == 1) {
            assertTrue(written.contains("ROTOR-"), what + " wrote " + abbreviated(written));
        }
    }

    private static HttpResponse<String> timed(Target target, HttpRequest request) {
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request);
        assertWithin(start, target.name());
        assertTrue(response.statusCode() < 500, target + ": " + response.statusCode() + " " + response.body());
        return response;
    }

    private static void assertWithin(long startNanos, String what) {
        assertWithin(startNanos, BOUND, what);
    }

    private static void assertWithin(long startNanos, Duration bound, String what) {
        Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
        assertTrue(took.compareTo(bound) < 0, what + " took " + took);
    }

    private static HttpResponse<String> bearer(Target target, String token) {
        return http.send(request(target).header("Authorization", "Bearer " + token).build());
    }

    private static HttpRequest.Builder request(Target target) {
        return HttpRequest.newBuilder(server.uri(target.path())).timeout(BOUND).GET();
    }

    private static List<Target> signable() {
        return targets.stream().filter(Target::signable).toList();
    }

    /** The public key as an attacker finds it, in every form a confused verifier might use as an HMAC secret. */
    private static List<byte[]> publicKeyForms(Target target, String token) {
        List<byte[]> forms = new ArrayList<>();
        if (target.signable()) {
            byte[] der = tokens.publicKey().getEncoded();
            String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                    .encodeToString(der) + "\n-----END PUBLIC KEY-----";
            forms.add(pem.getBytes(StandardCharsets.US_ASCII));
            forms.add((pem + "\n").getBytes(StandardCharsets.US_ASCII));
            forms.add(der);
            forms.add(tokens.jwk().getBytes(StandardCharsets.UTF_8));
        } else {
            String jwks = http.get(server.uri("/.well-known/jwks.json")).body();
            forms.add(jwks.getBytes(StandardCharsets.UTF_8));
            String kid = HostileTokens.header(token).getString("kid");
            json(jwks).getJsonArray("keys").getValuesAs(JsonObject.class).stream()
                    .filter(key -> key.getString("kid").equals(kid))
                    .forEach(key -> forms.add(key.toString().getBytes(StandardCharsets.UTF_8)));
        }
        forms.add(new byte[0]);
        return forms;
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] fixed = new byte[32];
        System.arraycopy(bytes, Math.max(0, bytes.length - 32), fixed, Math.max(0, 32 - bytes.length),
                Math.min(32, bytes.length));
        return fixed;
    }

    private static String newIssuerUser() {
        String username = "u" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = issuer.send("POST", "/admin/users", adminToken, "{\"username\":\"" + username
                + "\",\"password\":\"" + password(username) + "\",\"groups\":[\"user\"]}");
        assertEquals(201, created.statusCode(), created.body());
        return username;
    }

    private static String password(String username) {
        return "pw-" + username + "-secret";
    }

    private static void report(String what, HttpResponse<String> response) {
        System.out.println("OBSERVED " + what + ": " + response.statusCode() + " " + response.headers().map()
                + " body=" + abbreviated(response.body()));
    }

    static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }

    private static String abbreviated(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "…(" + text.length() + " chars)";
    }
}
