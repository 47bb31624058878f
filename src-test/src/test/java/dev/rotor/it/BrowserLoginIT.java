package dev.rotor.it;

import dev.rotor.it.support.HeadlessChromium;
import dev.rotor.it.support.Http;
import dev.rotor.it.support.IssuerClient;
import dev.rotor.it.support.IssuerScenario;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The browser login flow in real headless Chromium. The browser talks to {@code http://localhost}, not to the IP
 * address Arquillian reports: browsers treat localhost as a secure context, so {@code Secure} and {@code __Host-}
 * cookies work there over plain HTTP.
 */
@ExtendWith(ArquillianExtension.class)
class BrowserLoginIT {

    @RegisterExtension
    static final IssuerScenario scenario = new IssuerScenario();
    private static final Duration WAIT = Duration.ofSeconds(15);

    @ArquillianResource
    URL base;

    private ChromeDriver browser;
    private String origin;
    private IssuerClient issuer;

    @Deployment(testable = false)
    static WebArchive issuer() {
        return scenario.issuer();
    }

    @BeforeEach
    void openBrowser() {
        issuer = scenario.client(URI.create(base.toString()));
        origin = "http://localhost:" + base.getPort();
        browser = HeadlessChromium.start();
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }


    @Test
    void userLogsInSeesTheLandingPageAndLogsOutWhichRevokesTheSession() throws Exception {
        String user = scenario.newUser("user");
        browser.get(origin + "/login");
        assertTrue(Files.size(HeadlessChromium.screenshot(browser, "login-page")) > 0);
        assertEquals("username", browser.findElement(By.cssSelector("label[for=username]")).getAttribute("for"));

        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(scenario.password(user));
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        new WebDriverWait(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("who")));
        assertEquals(user, browser.findElement(By.id("who")).getText());
        assertTrue(URI.create(browser.getCurrentUrl()).getPath().startsWith("/account"));
        HeadlessChromium.screenshot(browser, "landing-page");

        Cookie refresh = browser.manage().getCookieNamed("__Host-rotor-refresh");
        assertNotNull(refresh, "the refresh token lives in a __Host- cookie");
        assertTrue(refresh.isHttpOnly());
        assertTrue(refresh.isSecure());
        assertEquals("Strict", refresh.getSameSite());
        assertEquals("/", refresh.getPath());
        assertEquals(1, sessionsOf(user), "one session after login");

        String account = browser.getWindowHandle();
        browser.switchTo().newWindow(org.openqa.selenium.WindowType.TAB).get(origin + "/account");
        browser.navigate().refresh();
        assertEquals(user, browser.findElement(By.id("who")).getText(), "a second tab and reloads keep the session");
        browser.close();
        browser.switchTo().window(account);
        assertEquals(1, sessionsOf(user));

        browser.findElement(By.cssSelector("#logout button[type=submit]")).click();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.urlContains("/login"));
        assertEquals(null, browser.manage().getCookieNamed("__Host-rotor-refresh"), "the cookie is cleared");
        assertEquals(0, sessionsOf(user), "logout revoked the session");
    }

    @Test
    void aBrowserAppGetsAFreshAccessTokenWithTheCookieAndTheCsrfHeader() {
        String user = scenario.newUser("user");
        logIn(user);
        Object answer = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const csrf = document.querySelector('meta[name="rotor-csrf"]').content;
                const post = (headers) => fetch('/oauth2/token', {method: 'POST', credentials: 'same-origin',
                    headers: Object.assign({'Content-Type': 'application/x-www-form-urlencoded'}, headers),
                    body: 'grant_type=refresh_token'});
                post({}).then(r => r.status).then(without =>
                    post({'X-CSRF-Token': csrf}).then(r => r.json().then(j => done(without + ' ' + r.status
                        + ' ' + (j.access_token ? 'token' : 'none') + ' ' + ('refresh_token' in j)))));
                """);
        assertEquals("403 200 token false", answer,
                "without the CSRF header: refused; with it: a new access token, the refresh token stays in the cookie");
    }

    @Test
    void failedLoginShowsOneGenericAlertAndSameForUnknownUsers() {
        String user = scenario.newUser("user");
        String wrongPassword = loginFailureText(user, "not-the-password");
        String unknownUser = loginFailureText("nobody-" + user, "whatever");
        assertEquals(wrongPassword, unknownUser);
        assertEquals(1, browser.findElements(By.cssSelector("[role=alert]")).size());
        HeadlessChromium.screenshot(browser, "login-failed");
    }

    @Test
    void unsafeNextIsIgnoredAndSafeNextIsFollowed() {
        String user = scenario.newUser("user");
        browser.get(origin + "/login?next=" + "%2F%2Fevil.example%2Fsteal");
        submitLogin(user, scenario.password(user));
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("who")));
        assertEquals("localhost", URI.create(browser.getCurrentUrl()).getHost());
        assertEquals("/account", URI.create(browser.getCurrentUrl()).getPath());

        browser.manage().deleteAllCookies();
        browser.get(origin + "/login?next=%2Faccount%3Ffrom%3Dlink");
        submitLogin(user, scenario.password(user));
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("who")));
        assertEquals("from=link", URI.create(browser.getCurrentUrl()).getQuery());
    }

    @Test
    void postsWithoutACsrfTokenOrFromAnotherSiteAreRefused() {
        Http http = new Http();
        String form = "username=admin&password=" + IssuerScenario.ADMIN_PASSWORD;
        assertEquals(403, http.send(post("/login", form).build()).statusCode(), "no CSRF token");
        assertEquals(403, http.send(post("/login", form + "&csrf=forged")
                .header("Cookie", "__Host-rotor-csrf=other").build()).statusCode(), "token mismatch");
        assertEquals(403, http.send(post("/login", form + "&csrf=same")
                .header("Cookie", "__Host-rotor-csrf=same")
                .header("Origin", "https://evil.example").build()).statusCode(), "cross-site origin");
        assertEquals(403, http.send(post("/login", form + "&csrf=same")
                .header("Cookie", "__Host-rotor-csrf=same")
                .header("Sec-Fetch-Site", "cross-site").build()).statusCode(), "cross-site fetch");
        assertEquals(403, http.send(post("/logout", "").build()).statusCode(), "logout needs the token too");

        HttpResponse<String> getLogout = http.get(issuer.uri("/logout"));
        assertEquals(405, getLogout.statusCode(), "GET /logout changes nothing");
        assertEquals("POST", getLogout.headers().firstValue("Allow").orElse(""));
    }

    private void logIn(String user) {
        browser.get(origin + "/login");
        submitLogin(user, scenario.password(user));
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("who")));
    }

    private void submitLogin(String user, String password) {
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
    }

    private String loginFailureText(String user, String password) {
        browser.get(origin + "/login");
        submitLogin(user, password);
        String alert = new WebDriverWait(browser, WAIT)
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[role=alert]"))).getText();
        assertFalse(alert.isBlank());
        return alert;
    }

    private HttpRequest.Builder post(String path, String form) {
        return HttpRequest.newBuilder(issuer.uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
    }

    private int sessionsOf(String user) {
        return Http.json(issuer.get("/admin/sessions?user=" + user, scenario.adminToken())).getInt("total");
    }
}
