package dev.rotor.it;

import dev.rotor.it.support.HeadlessChromium;
import dev.rotor.it.support.Http;
import dev.rotor.it.support.IssuerDeployment;
import dev.rotor.it.support.OidcScenario;
import dev.rotor.it.support.PayaraMicroProcess;
import dev.rotor.it.support.SampleApp;
import dev.rotor.testsupport.RedisFixture;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two applications on separate Payara Micro processes, both protected by the filter jar in browser mode, on one
 * issuer, in headless Chromium: sign in at A, single sign-on at B, one logout at A ends both, and B's last access
 * token is refused as a bearer token. Every server is on localhost, which browsers treat as a secure context; the
 * applications use their own session cookie names, since cookies do not tell ports apart.
 */
class BrowserSignInIT {

    @RegisterExtension
    static final OidcScenario scenario = new OidcScenario("signin");
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration SINGLE_LOGOUT_BOUND = Duration.ofSeconds(1);

    private static int portA;
    private static int portB;
    private static PayaraMicroProcess appA;
    private static PayaraMicroProcess appB;
    private final Http http = new Http();
    private ChromeDriver browser;

    @BeforeAll
    static void startApplications() {
        portA = RedisFixture.freePort();
        portB = RedisFixture.freePort();
        JsonObject a = scenario.registerClient("app-a", "confidential", List.of(url(portA, "/rotor/callback")),
                List.of(url(portA, "/api/public")));
        scenario.registerClient("app-b", "public", List.of(url(portB, "/rotor/callback")),
                List.of(url(portB, "/api/public")));
        appA = start("signin-app-a", settings("app-a", a.getString("client_secret")), "APPA", portA);
        appB = start("signin-app-b", settings("app-b", null), "APPB", portB);
    }

    @AfterAll
    static void stopApplications() {
        appA.close();
        appB.close();
    }

    @BeforeEach
    void openBrowser() {
        browser = HeadlessChromium.start();
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    private static String url(int port, String path) {
        return "http://localhost:" + port + path;
    }

    private static Map<String, String> settings(String clientId, String secret) {
        Map<String, String> settings = new HashMap<>();
        settings.put("rotor.issuer", scenario.issuerUrl());
        settings.put("rotor.tokens.audience", "rotor");
        settings.put("rotor.redis.url", scenario.redis().uri().toString());
        settings.put("rotor.realm", "sample");
        settings.put("rotor.mode", "browser");
        settings.put("rotor.client-id", clientId);
        if (secret != null) {
            settings.put("rotor.client-secret", secret);
        }
        settings.put("rotor.public-paths", "/api/public");
        settings.put("rotor.post-logout-path", "/api/public");
        return settings;
    }

    private static PayaraMicroProcess start(String name, Map<String, String> settings, String cookie, int port) {
        return PayaraMicroProcess.start(name, IssuerDeployment.export(SampleApp.withBrowserSignIn(name, settings,
                cookie), name), port);
    }

    @Test
    void signInAtAThenSingleSignOnAtBThenOneLogoutAtAEndsBothWithinASecond() throws IOException {
        String user = scenario.newUser("user");
        browser.get(url(portA, "/servlet/page?from=start"));
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        assertEquals(URI.create(scenario.issuerUrl()).getPort(), URI.create(browser.getCurrentUrl()).getPort());
        HeadlessChromium.screenshot(browser, "signin-1-issuer-login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(scenario.password(user));
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        new WebDriverWait(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("who")));
        assertEquals(url(portA, "/servlet/page?from=start"), browser.getCurrentUrl(), "back on A's original URL");
        assertEquals(user, browser.findElement(By.id("who")).getText());
        assertEquals("true", browser.findElement(By.id("user-role")).getText(), "isUserInRole as in bearer mode");
        HeadlessChromium.screenshot(browser, "signin-2-app-a");
        Cookie sessionA = browser.manage().getCookieNamed("APPA");
        assertNotNull(sessionA);
        assertEquals(403, page(portA, "/api/secure", "APPA", sessionA.getValue()).statusCode(),
                "@RolesAllowed(admin) refuses a user as in bearer mode");
        assertEquals(2, scenario.sessionsOf(user), "the issuer session and A's");

        browser.get(url(portB, "/servlet/page"));
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("who")));
        assertEquals(url(portB, "/servlet/page"), browser.getCurrentUrl());
        assertEquals(user, browser.findElement(By.id("who")).getText());
        assertEquals(3, scenario.sessionsOf(user), "no new login: B's session joined the same issuer session");
        HeadlessChromium.screenshot(browser, "signin-3-app-b-single-sign-on");
        String tokenB = browser.findElement(By.id("token")).getText();
        Cookie sessionB = browser.manage().getCookieNamed("APPB");
        assertEquals(200, scenario.client().get("/userinfo", tokenB).statusCode());
        assertEquals(200, page(portB, "/servlet/page", "APPB", sessionB.getValue()).statusCode());

        browser.get(url(portA, "/servlet/page"));
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("logout")));
        Instant clicked = Instant.now();
        browser.findElement(By.cssSelector("#logout button")).click();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.urlContains(url(portA, "/api/public?state=")));
        Instant loggedOut = Instant.now();

        Duration refusedB = untilRefused(portB, "APPB", sessionB.getValue(), loggedOut);
        Duration refusedA = untilRefused(portA, "APPA", sessionA.getValue(), loggedOut);
        record(Duration.between(clicked, loggedOut), refusedA, refusedB);
        assertTrue(refusedB.compareTo(SINGLE_LOGOUT_BOUND) <= 0, "B refused after " + refusedB);
        assertTrue(refusedA.compareTo(SINGLE_LOGOUT_BOUND) <= 0, "A refused after " + refusedA);
        assertEquals(401, scenario.client().get("/userinfo", tokenB).statusCode(),
                "B's last access token is rejected as a bearer token");
        assertEquals(0, scenario.sessionsOf(user));

        browser.get(url(portB, "/servlet/page"));
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        HeadlessChromium.screenshot(browser, "signin-4-b-after-logout-asks-again");
    }

    @Test
    void aCallbackThisBrowserDidNotStartIsRefused() {
        HttpResponse<String> noSession = http.get(URI.create(url(portA, "/rotor/callback?code=abc&state=xyz")));
        assertEquals(400, noSession.statusCode(), "login CSRF: a code from another browser");
        assertEquals("no-store", noSession.headers().firstValue("Cache-Control").orElse(""));
        HttpResponse<String> start = http.send(HttpRequest.newBuilder(URI.create(url(portA, "/servlet/page")))
                .header("Accept", "text/html").GET().build());
        assertEquals(302, start.statusCode());
        String location = start.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(scenario.issuerUrl() + "/oauth2/authorize?"), location);
        assertTrue(location.contains("code_challenge_method=S256") && location.contains("nonce="), location);
        String cookie = start.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("APPA="))
                .findFirst().orElseThrow().split(";")[0];
        for (String query : List.of("code=abc", "code=abc&state=forged", "error=access_denied&state=forged")) {
            assertEquals(400, http.send(HttpRequest.newBuilder(URI.create(url(portA, "/rotor/callback?" + query)))
                    .header("Cookie", cookie).GET().build()).statusCode(), query);
        }
        assertEquals(401, http.send(HttpRequest.newBuilder(URI.create(url(portA, "/servlet/page")))
                .header("Accept", "application/json").GET().build()).statusCode(), "an API call is not redirected");
        assertEquals(405, http.get(URI.create(url(portA, "/rotor/logout"))).statusCode(), "no logout by GET");
        assertNotEquals(500, http.get(URI.create(url(portA, "/rotor/callback?state=%25ZZ%00&code=%0D%0A"))).statusCode());
    }

    private HttpResponse<String> page(int port, String path, String cookieName, String cookie) {
        return http.send(HttpRequest.newBuilder(URI.create(url(port, path))).header("Accept", "text/html,*/*;q=0.8")
                .header("Cookie", cookieName + "=" + cookie).GET().build());
    }

    /** Polls the application with the old session cookie until it no longer serves the page. */
    private Duration untilRefused(int port, String cookieName, String cookie, Instant since) {
        Instant deadline = since.plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            if (page(port, "/servlet/page", cookieName, cookie).statusCode() != 200) {
                return Duration.between(since, Instant.now());
            }
        }
        return Duration.ofSeconds(10);
    }

    private static void record(Duration logout, Duration refusedA, Duration refusedB) throws IOException {
        String line = "single logout: browser logout took " + logout.toMillis() + " ms; after it, A refused the old "
                + "session in " + refusedA.toMillis() + " ms and B in " + refusedB.toMillis() + " ms\n";
        System.out.print(line);
        Path file = Path.of(System.getProperty("java.io.tmpdir"), "single-logout-latency.txt");
        Files.writeString(file, line, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }
}
