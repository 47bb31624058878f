package dev.rotor.bench;

import dev.rotor.it.support.ProcessTree;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/** A server the benchmark started, with how long it took from launch to its first 200, and its log file. */
final class ServerProcess implements AutoCloseable {

    private static final HttpClient PROBE = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final String name;
    private final Process process;
    private final Path log;
    private final long launchedAt;

    private ServerProcess(String name, Process process, Path log, long launchedAt) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.launchedAt = launchedAt;
    }

    static ServerProcess launch(String name, ProcessBuilder builder, Path log) throws IOException {
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        long launchedAt = System.nanoTime();
        Process process = builder.start();
        // an interrupted run (Ctrl-C, a killed Maven) must not leave the server and its children running
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (process.isAlive()) {
                ProcessTree.kill(process);
            }
        }));
        return new ServerProcess(name, process, log, launchedAt);
    }

    /**
     * Polls {@code ready} until it answers 200; the time from launch to that answer.
     *
     * @throws IllegalStateException if the process exits or {@code timeout} passes first
     */
    Duration awaitReady(URI ready, Duration timeout) throws InterruptedException {
        long deadline = launchedAt + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; log: " + log);
            }
            try {
                HttpResponse<Void> answer = PROBE.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - launchedAt);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " did not answer 200 at " + ready + " within " + timeout + "; log: "
                + log);
    }

    Path log() {
        return log;
    }

    @Override
    public void close() {
        ProcessTree.stop(process, Duration.ofSeconds(20));
    }
}
