package dev.rotor.issuer.redis;

import dev.rotor.filter.configuration.RedisEndpoint;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.logging.Logger;

/**
 * A real redis-server child process (from the embedded-redis package) on a free loopback port, for the quick start.
 * It keeps nothing on disk and stops with the application.
 */
@ApplicationScoped
public class EmbeddedRedis {

    private static final Logger LOG = Logger.getLogger(EmbeddedRedis.class.getName());

    private RedisServer server;

    synchronized RedisEndpoint start() {
        try {
            int port = freePort();
            server = RedisServer.newRedisServer()
                    .bind("127.0.0.1")
                    .port(port)
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .onShutdownForceStop(true)
                    .build();
            server.start();
            return RedisEndpoint.loopback(port);
        } catch (IOException e) {
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
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
