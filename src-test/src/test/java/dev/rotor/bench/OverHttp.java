package dev.rotor.bench;

import dev.rotor.it.support.FreePorts;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The HTTP half: the real Rotor issuer and Keycloak, both started here and both up during the whole run, the same
 * load driver on each, variant after variant, the order reversed every other round.
 */
final class OverHttp {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final String PBKDF2_600K = "hashAlgorithm(pbkdf2-sha256) and hashIterations(600000)";

    private final Path issuerJar;
    private final Path keycloakZip;
    private final Path keycloakJava;
    private final Path folder;
    private final int rounds;
    private final GrantLoad load;
    private final List<String> notes = new ArrayList<>();

    OverHttp(Path issuerJar, Path keycloakZip, Path keycloakJava, Path folder, int rounds, GrantLoad load) {
        this.issuerJar = issuerJar;
        this.keycloakZip = keycloakZip;
        this.keycloakJava = keycloakJava;
        this.folder = folder;
        this.rounds = rounds;
        this.load = load;
    }

    /** What the servers were and how long they took to start, as lines of the report. */
    List<String> notes() {
        return notes;
    }

    List<Measured> run() throws IOException, InterruptedException {
        List<Integer> ports = FreePorts.take(3);
        Path keycloakHome = Keycloak.unpack(keycloakZip, folder.resolve("keycloak"));
        notes.add(Keycloak.version(keycloakHome) + " (" + keycloakZip.getFileName() + "), `kc.sh start-dev`"
                + " (dev H2 database), on " + keycloakJava);
        notes.add("Rotor issuer: " + issuerJar + " (quick-start uber jar, embedded redis-server), on "
                + System.getProperty("java.home"));
        try (ServerProcess rotor = RotorIssuer.launch(issuerJar, folder.resolve("rotor"), ports.get(0));
             ServerProcess keycloak = Keycloak.launch(keycloakHome, keycloakJava, ports.get(1), ports.get(2))) {
            Duration rotorStart = rotor.awaitReady(RotorIssuer.ready(ports.get(0)), START_TIMEOUT);
            Duration keycloakStart = keycloak.awaitReady(Keycloak.ready(ports.get(1)), START_TIMEOUT);
            notes.add(String.format("start-up, both launched together, launch to first 200: Rotor %.1f s (JWKS),"
                    + " Keycloak %.1f s (/realms/master)", rotorStart.toMillis() / 1e3, keycloakStart.toMillis() / 1e3));
            KeycloakRealm admin = KeycloakRealm.admin(Keycloak.base(ports.get(1)));
            TokenEndpoint keycloakDefault = admin.create("bench", null);
            TokenEndpoint keycloakPbkdf2 = admin.create("bench-pbkdf2", PBKDF2_600K);
            notes.add("Keycloak realm `bench` stores the password as " + admin.hashing("bench")
                    + "; realm `bench-pbkdf2` as " + admin.hashing("bench-pbkdf2"));
            TokenEndpoint issuer = RotorIssuer.endpoint(ports.get(0));
            List<Variant> variants = List.of(
                    new Variant("Rotor refresh", issuer, GrantLoad.Grant.REFRESH),
                    new Variant("Keycloak refresh", keycloakDefault, GrantLoad.Grant.REFRESH),
                    new Variant("Rotor password, PBKDF2-HMAC-SHA256 600,000", issuer, GrantLoad.Grant.PASSWORD),
                    new Variant("Keycloak password, its default hashing", keycloakDefault, GrantLoad.Grant.PASSWORD),
                    new Variant("Keycloak password, pbkdf2-sha256 600,000", keycloakPbkdf2,
                            GrantLoad.Grant.PASSWORD));
            return measure(variants);
        }
    }

    private List<Measured> measure(List<Variant> variants) throws InterruptedException {
        List<Measured> results = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            List<Variant> order = new ArrayList<>(variants);
            if (round % 2 == 0) {
                Collections.reverse(order);
            }
            for (Variant variant : order) {
                LoadAverage before = LoadAverage.now();
                GrantLoad.Result result = load.run(variant.endpoint(), variant.grant());
                LoadAverage after = LoadAverage.now();
                String detail = String.format("%d granted, %d errors, p50 %.1f ms, p99 %.1f ms", result.granted(),
                        result.errors(), result.p50Millis(), result.p99Millis());
                System.out.println("round " + round + ": " + variant.name() + ": " + String.format("%.1f", result.perSecond())
                        + " grants/s (" + detail + "), load " + before + " -> " + after);
                results.add(new Measured(round, variant.name(), result.perSecond(), detail, before, after));
            }
        }
        return results;
    }

    private record Variant(String name, TokenEndpoint endpoint, GrantLoad.Grant grant) {
    }
}
