package dev.rotor.it;

import dev.rotor.it.support.HeadlessChromium;
import dev.rotor.it.support.IssuerDeployment;
import dev.rotor.it.support.OidcScenario;
import dev.rotor.it.support.PayaraMicroProcess;
import dev.rotor.it.support.SampleApp;
import dev.rotor.testsupport.RedisFixture;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Interoperability: a plain Jakarta EE 10 application that uses only the platform's
 * {@code @OpenIdAuthenticationMechanismDefinition} (Jakarta Security 3.0, built into Payara 6), with no Rotor code,
 * signs a user in through Rotor in Chromium. That client implements no PKCE, so it is registered as a confidential
 * client with {@code pkce_required: false} and protects the code with its nonce (RFC 9700 §2.1.1).
 */
class PlatformOpenIdConnectIT {

    @RegisterExtension
    static final OidcScenario scenario = new OidcScenario("platform-oidc");
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static int port;
    private static PayaraMicroProcess app;

    @BeforeAll
    static void startApplication() {
        port = RedisFixture.freePort();
        JsonObject client = scenario.registerClient("platform-app", "confidential",
                List.of("http://localhost:" + port + "/callback"), List.of(), ",\"pkce_required\":false");
        app = PayaraMicroProcess.start("platform-oidc-app", IssuerDeployment.export(SampleApp.plainOpenIdConnect(Map.of(
                "it.oidc.issuer", scenario.issuerUrl(),
                "it.oidc.client-id", "platform-app",
                "it.oidc.client-secret", client.getString("client_secret"))), "platform-oidc-app"), port);
    }

    @AfterAll
    static void stopApplication() {
        app.close();
    }

    @Test
    void thePlatformsOwnOpenIdConnectClientSignsAUserInThroughRotor() {
        String user = scenario.newUser("user");
        ChromeDriver browser = HeadlessChromium.start();
        try {
            browser.get("http://localhost:" + port + "/protected");
            new WebDriverWait(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
            browser.findElement(By.id("username")).sendKeys(user);
            browser.findElement(By.id("password")).sendKeys(scenario.password(user));
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            new WebDriverWait(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("who")));
            HeadlessChromium.screenshot(browser, "platform-oidc-signed-in");
            assertEquals(user, browser.findElement(By.id("who")).getText());
            assertEquals(user + "@example.com", browser.findElement(By.id("email")).getText());
        } finally {
            browser.quit();
        }
    }
}
