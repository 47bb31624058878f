package dev.rotor.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/** A plain listener on a free local port that only counts who connects: a URL no server may ever fetch. */
public final class ConnectionTrap implements AutoCloseable {

    private final ServerSocket socket;
    private final AtomicInteger connections = new AtomicInteger();

    public ConnectionTrap() {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread accepter = new Thread(this::accept, "connection-trap");
        accepter.setDaemon(true);
        accepter.start();
    }

    /** Connects once itself, so a test can tell a working trap from one that would count nothing. */
    public void probe() {
        try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), socket.getLocalPort())) {
            probe.getInputStream().read();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
    }

    public int connections() {
        return connections.get();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try (Socket ignored = socket.accept()) {
                connections.incrementAndGet();
            } catch (IOException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
