package dev.rotor.issuer.redis;

import dev.rotor.filter.configuration.InvalidSettingException;
import dev.rotor.filter.configuration.RedisEndpoint;
import dev.rotor.issuer.configuration.IssuerConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.logging.Logger;

/**
 * A real redis-server child process (from the embedded-redis package) on a free loopback port, for the quick start.
 * It writes an append-only file, fsynced every second, to its data folder, so a restart keeps users, sessions and
 * revocations; it holds a lock on the folder while it runs, so two embedded Redis servers never share one file. It
 * stops with the application.
 */
@ApplicationScoped
public class EmbeddedRedis {

    private static final Logger LOG = Logger.getLogger(EmbeddedRedis.class.getName());
    private static final String LOCK_FILE = "rotor.lock";

    private RedisServer server;
    private FileLock lock;

    /** @throws InvalidSettingException if the data folder cannot be created, written or locked */
    synchronized RedisEndpoint start(EmbeddedRedisSettings settings) {
        Path dir = settings.dataDir();
        lock = lock(dir);
        try {
            int port = freePort();
            server = RedisServer.newRedisServer()
                    .bind("127.0.0.1")
                    .port(port)
                    .setting("dir \"" + dir + "\"")
                    .setting("save \"\"")
                    .setting("appendonly yes")
                    .setting("appendfsync everysec")
                    .onShutdownForceStop(true)
                    .build();
            server.start();
            return RedisEndpoint.loopback(port);
        } catch (IOException e) {
            release();
            throw new UncheckedIOException("cannot start the embedded Redis; set rotor.redis.url", e);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (server != null && server.isActive()) {
            try {
                server.stop();
            } catch (IOException e) {
                LOG.warning("ROTOR-R101 the embedded Redis did not stop cleanly: " + e.getMessage());
            }
        }
        release();
    }

    private static FileLock lock(Path dir) {
        try {
            Files.createDirectories(dir);
            if (!Files.isWritable(dir)) {
                throw new InvalidSettingException(EmbeddedRedisSettings.DATA_DIR, "is not a writable folder");
            }
            FileChannel channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock held = tryLock(channel);
            if (held == null) {
                channel.close();
                throw new InvalidSettingException(EmbeddedRedisSettings.DATA_DIR, "is in use by another embedded "
                        + "Redis: give each issuer its own folder, or set " + IssuerConfig.REDIS_URL);
            }
            return held;
        } catch (IOException e) {
            throw new InvalidSettingException(EmbeddedRedisSettings.DATA_DIR, "cannot be created or locked ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** Null if another process, or another embedded Redis of this JVM, holds it. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private void release() {
        if (lock != null) {
            try {
                lock.channel().close();
            } catch (IOException e) {
                LOG.warning("ROTOR-R101 the embedded Redis' data folder lock did not close: " + e.getMessage());
            }
            lock = null;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
