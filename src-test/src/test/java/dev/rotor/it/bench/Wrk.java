package dev.rotor.it.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the {@code wrk} on the PATH with the token-rotating Lua script, bounded by its duration plus a margin. */
final class Wrk {

    private final Path script;
    private final int threads;
    private final int connections;

    Wrk(Path workDir, int threads, int connections) {
        this.threads = threads;
        this.connections = connections;
        this.script = workDir.resolve("rotate-tokens.lua");
        try (InputStream in = Wrk.class.getResourceAsStream("/bench/rotate-tokens.lua")) {
            Files.createDirectories(workDir);
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks that wrk is installed, before any server starts. */
    static void requireInstalled() {
        try {
            Process p = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new IllegalStateException("wrk is not on the PATH; install it (Debian: apt-get install -y wrk)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    WrkResult run(URI target, Path tokens, Duration duration) {
        List<String> command = List.of("wrk", "-t" + threads, "-c" + connections, "-d" + duration.toSeconds() + "s",
                "--latency", "--timeout", "5s", "-s", script.toString(), target.toString(), "--",
                tokens.toString());
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(duration.toSeconds() + 30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("wrk did not finish: " + command);
            }
            return WrkResult.parse(new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
