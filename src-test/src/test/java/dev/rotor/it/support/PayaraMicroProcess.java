package dev.rotor.it.support;

import dev.rotor.testsupport.RedisFixture;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A further Payara Micro instance that the test starts, and can kill like a crash, when a scenario needs more than
 * the one instance Arquillian manages. Its log goes to target/payara-logs/{name}.log.
 */
public final class PayaraMicroProcess implements AutoCloseable {

    /** Five JVMs starting at once on a 2-core machine that other builds load (load average 30 and more) need it. */
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(240);
    private static final Pattern READY = Pattern.compile("Payara Micro .* ready in ");
    /** Quick start-up over peak speed: tests run short, and C1 alone compiles sooner on two shared cores. */
    private static final List<String> TEST_JVM = List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final Process process;
    private final URI baseUri;
    private final Path log;

    private PayaraMicroProcess(Process process, URI baseUri, Path log) {
        this.process = process;
        this.baseUri = baseUri;
        this.log = log;
    }

    /**
     * Starts Payara Micro with {@code war} at "/" and waits until Payara reports itself ready. A failed deployment
     * does not stop Payara, so callers assert on HTTP or on {@link #log()}.
     */
    public static PayaraMicroProcess start(String name, File war) {
        return start(name, war, RedisFixture.freePort());
    }

    /**
     * Like {@link #start(String, File)} on a port chosen beforehand, for a server whose own configuration must
     * name the URL browsers use ({@code rotor.issuer}, registered redirect URIs).
     */
    public static PayaraMicroProcess start(String name, File war, int port) {
        return start(name, TEST_JVM, List.of("--deploy", war.getAbsolutePath(), "--contextroot", "/"), port);
    }

    /**
     * Like {@link #start(String, File)} with JVM options of the caller's instead of the tests' quick-start ones, e.g.
     * a benchmark that wants the C2 compiler.
     */
    public static PayaraMicroProcess start(String name, File war, List<String> jvmOptions) {
        return start(name, jvmOptions, List.of("--deploy", war.getAbsolutePath(), "--contextroot", "/"),
                RedisFixture.freePort());
    }

    /** One Payara Micro with several applications, each at its context root ({@code "/"}, {@code "/filter"}, …). */
    public static PayaraMicroProcess start(String name, Map<String, File> wars) {
        List<String> deploys = new ArrayList<>();
        wars.forEach((root, war) -> deploys.addAll(List.of("--deploy", war.getAbsolutePath() + ":" + root)));
        return start(name, TEST_JVM, deploys, RedisFixture.freePort());
    }

    private static PayaraMicroProcess start(String name, List<String> jvmOptions, List<String> deploys, int port) {
        Path log = Path.of(System.getProperty("rotor.it.logDir", "target/payara-logs"), name + ".log");
        try {
            Files.createDirectories(log.getParent());
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            command.addAll(jvmOptions);
            command.addAll(List.of("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                    "-jar", System.getProperty("payara.microJar")));
            command.addAll(deploys);
            command.addAll(List.of("--port", Integer.toString(port), "--nocluster"));
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            PayaraMicroProcess instance = new PayaraMicroProcess(process, URI.create("http://localhost:" + port), log);
            instance.awaitReady();
            return instance;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI uri(String path) {
        return baseUri.resolve(path);
    }

    /** The operating system's id of this instance's JVM, e.g. to read its CPU time or attach {@code jcmd}. */
    public long pid() {
        return process.pid();
    }

    /** Where this instance's output goes. */
    public Path logFile() {
        return log;
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends the JVM at once, with no shutdown hooks: what a crash looks like to the rest of the system. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private void awaitReady() {
        boolean ready = Poll.until(STARTUP_TIMEOUT, () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited during start-up; see " + log);
            }
            return READY.matcher(log()).find();
        });
        if (!ready) {
            close();
            throw new IllegalStateException("Payara Micro did not become ready in " + STARTUP_TIMEOUT + "; see " + log);
        }
    }
}
