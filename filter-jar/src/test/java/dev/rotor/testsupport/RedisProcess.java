package dev.rotor.testsupport;

import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One {@code redis-server} (or sentinel) child process on a loopback port, with its config, data and log in a folder
 * of its own. {@link #kill()} is {@code kill -9}; {@link #start()} after it brings the node back on the same port and
 * folder, so a Cluster node keeps its identity.
 */
public final class RedisProcess {

    private static final Duration READY = Duration.ofSeconds(10);

    private final Path dir;
    private final int port;
    private final List<String> config;
    private final boolean sentinel;
    private Process process;

    private RedisProcess(Path dir, int port, List<String> config, boolean sentinel) {
        this.dir = dir;
        this.port = port;
        this.config = List.copyOf(config);
        this.sentinel = sentinel;
    }

    /** A data node; {@code config} lines come after port, bind, dir and "no persistence". */
    public static RedisProcess server(Path parent, int port, List<String> config) {
        List<String> lines = new ArrayList<>(List.of("save \"\"", "appendonly no"));
        lines.addAll(config);
        return new RedisProcess(parent.resolve("redis-" + port), port, lines, false);
    }

    /** A sentinel; it rewrites its config file with what it learns, so a restart keeps that. */
    public static RedisProcess sentinel(Path parent, int port, List<String> config) {
        return new RedisProcess(parent.resolve("sentinel-" + port), port, config, true);
    }

    public int port() {
        return port;
    }

    public HostAndPort address() {
        return new HostAndPort("127.0.0.1", port);
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Starts the process and waits until it answers PING. */
    public synchronized void start() {
        if (isAlive()) {
            return;
        }
        try {
            Files.createDirectories(dir);
            Path conf = dir.resolve(sentinel ? "sentinel.conf" : "redis.conf");
            if (!sentinel || !Files.exists(conf)) {
                List<String> lines = new ArrayList<>(List.of("port " + port, "bind 127.0.0.1", "dir \"" + dir + "\""));
                lines.addAll(config);
                Files.write(conf, lines);
            }
            List<String> command = new ArrayList<>(List.of(RedisBinary.path().toString(), conf.toString()));
            if (sentinel) {
                command.add("--sentinel");
            }
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("log").toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady();
    }

    /** {@code kill -9}: no shutdown, no goodbye to the cluster or the replicas. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            awaitExit();
        }
    }

    /** A connection with short timeouts, for setting up and inspecting; the caller closes it. */
    public Jedis connect() {
        return new Jedis(address(), DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(1000).socketTimeoutMillis(2000).build());
    }

    /** The last lines of its log, to explain a failure. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis on port " + port + " exited:\n" + logTail());
            }
            try (Jedis jedis = connect()) {
                jedis.ping();
                return;
            } catch (JedisException e) {
                Await.pause(Duration.ofMillis(20));
            }
        }
        kill();
        throw new IllegalStateException("redis on port " + port + " did not answer within " + READY + ":\n" + logTail());
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("redis on port " + port + " did not exit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
