package dev.rotor.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The real issuer as the README's quick start runs it: {@code java -jar rotor-issuer.jar} (Payara Micro with the WAR),
 * its embedded {@code redis-server} with a fresh data folder, RS256, the password grant on, user {@code admin}.
 */
final class RotorIssuer {

    static final String PASSWORD = "bench-admin-password-1";

    private RotorIssuer() {
    }

    static ServerProcess launch(Path jar, Path folder, int port) throws IOException {
        Files.createDirectories(folder);
        Path data = folder.resolve("rotor-data");
        Files.createDirectories(data);
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + folder.toAbsolutePath(),
                "-jar", jar.toAbsolutePath().toString(), "--port", Integer.toString(port)))
                .directory(folder.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("ROTOR_"));
        environment.put("ROTOR_ADMIN_PASSWORD", PASSWORD);
        environment.put("ROTOR_REDIS_DATA_DIR", data.toAbsolutePath().toString());
        environment.put("ROTOR_ISSUER", "http://localhost:" + port);
        return ServerProcess.launch("Rotor issuer", builder, folder.resolve("issuer.log"));
    }

    static URI ready(int port) {
        return URI.create("http://localhost:" + port + "/.well-known/jwks.json");
    }

    static TokenEndpoint endpoint(int port) {
        return new TokenEndpoint("Rotor", URI.create("http://localhost:" + port + "/oauth2/token"), Map.of(),
                "admin", PASSWORD);
    }
}
