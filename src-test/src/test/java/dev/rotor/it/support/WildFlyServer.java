package dev.rotor.it.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A WildFly standalone server for one test class: its own copy of the standalone configuration under
 * target/servers/, Elytron's Jakarta Security integration enabled with the documented CLI command, the WARs in its
 * deployments folder, every port free. Its console goes to target/server-logs/{name}-server.log and the CLI's output
 * to {name}-admin.log.
 */
public final class WildFlyServer implements AutoCloseable {

    /**
     * What Jakarta Security mechanisms need on WildFly: with the default {@code integrated-jaspi=true}, Elytron
     * looks a mechanism's caller up in its own security domain instead of taking the identity the mechanism names,
     * and every valid token gets a 500 ("ELY01177: Authorization failed.").
     */
    public static final String ENABLE_JAKARTA_SECURITY =
            "/subsystem=undertow/application-security-domain=other:write-attribute(name=integrated-jaspi,value=false)";

    private static final Duration CLI_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final List<String> PORT_PROPERTIES = List.of("jboss.http.port", "jboss.https.port",
            "jboss.management.http.port", "jboss.management.https.port", "jboss.ajp.port");

    private final Process process;
    private final int httpPort;
    private final Path deployments;
    private final Path serverLog;

    private WildFlyServer(Process process, int httpPort, Path deployments, Path serverLog) {
        this.process = process;
        this.httpPort = httpPort;
        this.deployments = deployments;
        this.serverLog = serverLog;
    }

    /**
     * Starts WildFly with each WAR of {@code warsByContextRoot} (e.g. "filter" → file) and waits until every one is
     * deployed; throws with WildFly's reason if one fails.
     */
    public static WildFlyServer start(String name, Map<String, File> warsByContextRoot) {
        Path home = ServerFiles.installation("rotor.it.wildflyHome");
        Path base = ServerFiles.freshWorkFolder(name);
        Path deployments = base.resolve("deployments");
        try {
            copyFolder(home.resolve("standalone/configuration"), base.resolve("configuration"));
            Files.createDirectories(deployments);
            enableJakartaSecurity(home, base, ServerFiles.log(name + "-admin.log"));
            for (Map.Entry<String, File> war : warsByContextRoot.entrySet()) {
                Files.copy(war.getValue().toPath(), deployments.resolve(war.getKey() + ".war"));
            }
            Iterator<Integer> ports = FreePorts.take(PORT_PROPERTIES.size()).iterator();
            List<String> command = new ArrayList<>(List.of("/bin/sh", home.resolve("bin/standalone.sh").toString(),
                    "-Djboss.server.base.dir=" + base, "-Djboss.bind.address=127.0.0.1",
                    "-Djboss.bind.address.management=127.0.0.1"));
            int httpPort = ports.next();
            command.add("-Djboss.http.port=" + httpPort);
            PORT_PROPERTIES.subList(1, PORT_PROPERTIES.size()).forEach(p -> command.add("-D" + p + "=" + ports.next()));
            Path serverLog = ServerFiles.log(name + "-server.log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(serverLog.toFile());
            builder.environment().put("JAVA_HOME", ServerFiles.java());
            // standalone.conf adds this to its default JAVA_OPTS, which setting JAVA_OPTS would replace
            builder.environment().put("JBOSS_JAVA_SIZING", "-Xms64m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"
                    + " -Dorg.jboss.logmanager.nocolor=true");
            WildFlyServer server = new WildFlyServer(builder.start(), httpPort, deployments, serverLog);
            server.awaitDeployed(warsByContextRoot.keySet());
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + httpPort).resolve(path);
    }

    @Override
    public void close() {
        ProcessTree.stop(process, STOP_TIMEOUT);
    }

    /** Applies {@link #ENABLE_JAKARTA_SECURITY} to this server's copy of standalone.xml, offline, before start. */
    private static void enableJakartaSecurity(Path home, Path base, Path log) throws IOException {
        Path script = base.resolve("enable-jakarta-security.cli");
        Files.writeString(script, String.join("\n",
                "embed-server --server-config=standalone.xml --std-out=discard",
                ENABLE_JAKARTA_SECURITY,
                "stop-embedded-server", ""));
        AdminCommand.run(List.of("/bin/sh", home.resolve("bin/jboss-cli.sh").toString(),
                        "-Djboss.server.base.dir=" + base, "--file=" + script),
                ServerFiles.quickStartJvm("JAVA_HOME"), CLI_TIMEOUT, log);
    }

    /** The deployment scanner leaves {name}.war.deployed or {name}.war.failed (holding the reason) beside each WAR. */
    private void awaitDeployed(Iterable<String> contextRoots) {
        boolean deployed = Poll.until(START_TIMEOUT, () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("WildFly exited during start-up; see " + serverLog);
            }
            boolean all = true;
            for (String root : contextRoots) {
                Path failed = deployments.resolve(root + ".war.failed");
                if (Files.exists(failed)) {
                    close();
                    throw new IllegalStateException(root + ".war failed to deploy: " + read(failed));
                }
                all &= Files.exists(deployments.resolve(root + ".war.deployed"));
            }
            return all;
        });
        if (!deployed) {
            close();
            throw new IllegalStateException("WildFly did not deploy " + contextRoots + " in " + START_TIMEOUT
                    + "; see " + serverLog);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
