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
import java.util.stream.Collectors;

/**
 * A domain of GlassFish 7 or Payara Server, which share {@code asadmin}: created for one test class under
 * target/servers/ with every port free, started, stopped, and driven with asadmin subcommands. The asadmin output
 * goes to target/server-logs/{name}-admin.log, and the server's own log is copied to {name}-server.log on close.
 */
public final class AsadminDomain implements AutoCloseable {

    /** The installations that the build unpacks, and the domain ports each one has beyond the common ones. */
    public enum Distribution {
        GLASSFISH("rotor.it.glassfishHome", List.of()),
        PAYARA_SERVER("rotor.it.payaraHome", List.of("hazelcast.das.port", "hazelcast.start.port"));

        private static final List<String> COMMON_PORTS = List.of("domain.jmxPort", "http.ssl.port",
                "java.debugger.port", "jms.port", "orb.listener.port", "orb.ssl.port", "orb.mutualauth.port",
                "osgi.shell.telnet.port");

        private final String homeProperty;
        private final List<String> extraPorts;

        Distribution(String homeProperty, List<String> extraPorts) {
            this.homeProperty = homeProperty;
            this.extraPorts = extraPorts;
        }

        List<String> portProperties() {
            List<String> all = new ArrayList<>(COMMON_PORTS);
            all.addAll(extraPorts);
            return all;
        }
    }

    private static final Duration CREATE_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final Path asadmin;
    private final Path domains;
    private final String name;
    private final int adminPort;
    private final int httpPort;
    private final Path adminLog;
    private final Map<String, String> environment;
    private boolean running;

    private AsadminDomain(Path asadmin, Path domains, String name, int adminPort, int httpPort,
                          Map<String, String> environment) {
        this.asadmin = asadmin;
        this.domains = domains;
        this.name = name;
        this.adminPort = adminPort;
        this.httpPort = httpPort;
        this.adminLog = ServerFiles.log(name + "-admin.log");
        this.environment = environment;
    }

    /** Creates the domain {@code name}, with an admin user {@code admin} without password, every port free. */
    public static AsadminDomain create(Distribution distribution, String name) {
        Path home = ServerFiles.installation(distribution.homeProperty);
        List<String> portProperties = distribution.portProperties();
        Iterator<Integer> ports = FreePorts.take(portProperties.size() + 2).iterator();
        AsadminDomain domain = new AsadminDomain(home.resolve("bin/asadmin"), ServerFiles.freshWorkFolder(name),
                name, ports.next(), ports.next(), ServerFiles.quickStartJvm("AS_JAVA"));
        String domainProperties = portProperties.stream()
                .map(property -> property + "=" + ports.next())
                .collect(Collectors.joining(":"));
        domain.local(CREATE_TIMEOUT, "--user", "admin", "create-domain", "--nopassword=true", "--checkports=false",
                "--domaindir", domain.domains.toString(), "--adminport", Integer.toString(domain.adminPort),
                "--instanceport", Integer.toString(domain.httpPort), "--domainproperties", domainProperties, name);
        return domain;
    }

    public AsadminDomain start() {
        running = true; // before the command: a start that times out may still leave a server for close() to stop
        local(START_TIMEOUT, "start-domain", "--domaindir", domains.toString(), name);
        return this;
    }

    /** Runs a remote subcommand, e.g. {@code remote("create-jvm-options", "-Dx=y")}; throws if it fails. */
    public void remote(String... subcommand) {
        remote(List.of(), subcommand);
    }

    /**
     * Stores {@code secret} encrypted in the domain's password-alias store (what {@code asadmin
     * create-password-alias} asks for at a prompt), so that it never appears in domain.xml.
     */
    public void createPasswordAlias(String alias, String secret) {
        Path passwordFile = domains.resolve(alias + ".password");
        try {
            Files.writeString(passwordFile, "AS_ADMIN_ALIASPASSWORD=" + secret + "\n");
            remote(List.of("--passwordfile", passwordFile.toString()), "create-password-alias", alias);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            passwordFile.toFile().delete();
        }
    }

    /** Deploys a WAR at {@code contextRoot}, e.g. "/filter". */
    public void deploy(File war, String contextRoot) {
        remote("deploy", "--contextroot", contextRoot, "--name", contextRoot.substring(1), war.getAbsolutePath());
    }

    /** Deploys an EAR, whose application.xml gives the context roots. */
    public void deploy(File ear) {
        remote("deploy", ear.getAbsolutePath());
    }

    /** The HTTP listener's {@code path}, on localhost. */
    public URI uri(String path) {
        return URI.create("http://localhost:" + httpPort).resolve(path);
    }

    public int httpPort() {
        return httpPort;
    }

    /** The domain's configuration file, to check what a setting left in it. */
    public Path domainXml() {
        return domains.resolve(name).resolve("config/domain.xml");
    }

    /** Stops the server (killing it if it does not stop in time) and keeps its log. */
    @Override
    public void close() {
        if (running) {
            try {
                local(STOP_TIMEOUT, "stop-domain", "--domaindir", domains.toString(), name);
            } catch (IllegalStateException e) {
                local(STOP_TIMEOUT, "stop-domain", "--kill=true", "--domaindir", domains.toString(), name);
            }
            running = false;
        }
        copyServerLog();
    }

    private void remote(List<String> asadminOptions, String... subcommand) {
        List<String> arguments = new ArrayList<>(List.of("--port", Integer.toString(adminPort), "--user", "admin",
                "--interactive=false"));
        arguments.addAll(asadminOptions);
        arguments.addAll(List.of(subcommand));
        local(COMMAND_TIMEOUT, arguments.toArray(String[]::new));
    }

    private void local(Duration timeout, String... arguments) {
        List<String> command = new ArrayList<>(List.of("/bin/sh", asadmin.toString()));
        command.addAll(List.of(arguments));
        AdminCommand.run(command, environment, timeout, adminLog);
    }

    private void copyServerLog() {
        Path serverLog = domains.resolve(name).resolve("logs/server.log");
        if (Files.exists(serverLog)) {
            try {
                Files.copy(serverLog, ServerFiles.log(name + "-server.log"), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
