package dev.rotor.it;

import dev.rotor.testsupport.RedisFixture;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's quick start, as a user runs it: {@code java -jar issuer-war/target/rotor-issuer.jar}, with no Redis
 * URL (so an embedded Redis child process), probed from the moment it is launched. While it starts it refuses
 * connections; from its first answer on, every answer is the issuer's own, never a 5xx.
 */
class QuickStartIT {

    private static final Duration STARTUP = Duration.ofSeconds(180);
    private static final int PORT = RedisFixture.freePort();
    private static final URI BASE = URI.create("http://localhost:" + PORT);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private static Process issuer;
    private static Path log;
    private static final Map<Integer, Integer> startupAnswers = new TreeMap<>();
    private static int refused;

    @BeforeAll
    static void launchAndProbeUntilItAnswers() throws IOException, InterruptedException {
        Path folder = Files.createDirectories(Path.of(System.getProperty("rotor.it.serverDir", "target/servers"),
                "quick-start"));
        log = Path.of(System.getProperty("rotor.it.logDir", "target/payara-logs"), "quick-start.log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Djava.io.tmpdir=" + folder.toAbsolutePath(),
                "-jar", Path.of(System.getProperty("rotor.it.issuerJar")).toAbsolutePath().toString(),
                "--port", Integer.toString(PORT)))
                .directory(folder.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("ROTOR_"));
        issuer = builder.start();

        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline && issuer.isAlive()) {
            try {
                int status = tokenRequest().statusCode();
                startupAnswers.merge(status, 1, Integer::sum);
                if (status > 0 && status < 500) {
                    return;
                }
            } catch (ConnectException | HttpConnectTimeoutException notListening) {
                refused++;
            } catch (HttpTimeoutException slowFirstAnswer) {
                startupAnswers.merge(0, 1, Integer::sum); // no answer within the timeout: not a 5xx either
            }
            Thread.sleep(50);
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (issuer != null) {
            List<ProcessHandle> tree = new ArrayList<>(issuer.descendants().toList());
            tree.add(issuer.toHandle());
            tree.forEach(ProcessHandle::destroy);
            for (ProcessHandle process : tree) {
                process.onExit().completeOnTimeout(null, 20, java.util.concurrent.TimeUnit.SECONDS).join();
            }
            tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void whileStartingItRefusesConnectionsAndNeverAnswers5xx() {
        assertTrue(refused > 0, "probed before the listener opened");
        assertFalse(startupAnswers.isEmpty(), "it answered within " + STARTUP + "; log: " + log);
        assertTrue(startupAnswers.keySet().stream().anyMatch(status -> status >= 400 && status < 500),
                "the token request got the issuer's own answer: " + startupAnswers);
        assertTrue(startupAnswers.keySet().stream().allMatch(status -> status < 500),
                "answers while starting, by status (0: none within 20 s): " + startupAnswers);
    }

    @Test
    void itServesItsKeysAndMetadataWithItsOwnEmbeddedRedis() throws IOException, InterruptedException {
        HttpResponse<String> jwks = get("/.well-known/jwks.json");
        assertEquals(200, jwks.statusCode());
        assertFalse(json(jwks).getJsonArray("keys").isEmpty());
        HttpResponse<String> discovery = get("/.well-known/openid-configuration");
        assertEquals(200, discovery.statusCode());
        assertEquals(json(discovery).getString("jwks_uri"), json(discovery).getString("issuer")
                + "/.well-known/jwks.json");
        String startLog = Files.readString(log);
        assertTrue(startLog.contains("ROTOR-R001"), "the embedded Redis started");
        assertTrue(startLog.contains("ROTOR-I001"), "the issuer logged where it answers");
    }

    private static HttpResponse<String> tokenRequest() throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(BASE.resolve("/oauth2/token")).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username=a&password=b"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(BASE.resolve(path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }
}
