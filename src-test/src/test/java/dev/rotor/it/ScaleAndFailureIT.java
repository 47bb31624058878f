package dev.rotor.it;

import dev.rotor.it.support.BearerLoad;
import dev.rotor.it.support.Http;
import dev.rotor.it.support.IssuerClient;
import dev.rotor.it.support.JwksDepartures;
import dev.rotor.it.support.Poll;
import dev.rotor.it.support.PubSubLossScenario;
import dev.rotor.it.support.PublishedKeys;
import dev.rotor.it.support.ScaleOutScenario;
import dev.rotor.it.support.ScaleTopology;
import dev.rotor.it.support.TokenParts;
import dev.rotor.it.support.UserSession;
import dev.rotor.testsupport.RedisFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import redis.clients.jedis.HostAndPort;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three issuer instances on one Redis behind one issuer URL, and two verifier applications (the filter jar) in JVMs
 * of their own, started once; then, in order, the faults of a real deployment: scale-out, rotation under load, lost
 * pub/sub, an issuer killed with {@code kill -9}, Redis down and back empty, and a verifier restarted after the wipe.
 * Two instances rotate every 15 s; the third issues 10-minute tokens, the only kind that outlives a verifier's
 * restart on a loaded machine. Every wait has a deadline.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 120)
class ScaleAndFailureIT {

    private static final ScaleTopology.IssuerLifetimes ROTATING = new ScaleTopology.IssuerLifetimes(
            Duration.ofSeconds(15), Duration.ofSeconds(15), Duration.ofSeconds(1), Duration.ofSeconds(1));
    private static final ScaleTopology.IssuerLifetimes LONG_LIVED = new ScaleTopology.IssuerLifetimes(
            Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ofSeconds(1), Duration.ofSeconds(1));
    private static final ScaleTopology.VerifierLimits LIMITS = new ScaleTopology.VerifierLimits(
            Duration.ofSeconds(1), Duration.ofSeconds(2));
    /** Issuers 0 and 1 rotate; issuer 1 is killed; verifier 0 reads issuer 0's JWKS, verifier 1 issuer 2's. */
    private static final int KILLED = 1;
    private static final int LONG_LIVED_ISSUER = 2;
    /** How long after its computed expiry a key may still be listed: the poll and the JWKS snapshot. */
    private static final Duration DEPARTURE_SLACK = Duration.ofSeconds(2);
    private static final String REVOCATIONS = "rotor:revocations";

    private static final RedisFixture redis = RedisFixture.start();
    private static ScaleTopology topology;
    private static List<IssuerClient> issuers;
    private static UserSession admin;
    private static String user;
    /** Long-lived tokens, one revoked, that scenario 5 takes across the Redis wipe and scenario 6 checks after it. */
    private static String longValid;
    private static String longRevoked;
    private static Instant longRevokedAt;

    private final Http http = new Http();

    @BeforeAll
    @Timeout(value = 400)
    static void startTopology() {
        Instant start = Instant.now();
        topology = ScaleTopology.start("scale", redis.uri().toString(), List.of(ROTATING, ROTATING, LONG_LIVED), LIMITS, List.of(0, 2));
        System.out.println("topology of 3 issuers and 2 verifiers ready in " + Duration.between(start, Instant.now()));
        issuers = IntStream.range(0, topology.issuerCount())
                .mapToObj(i -> new IssuerClient(topology.issuer(i).uri("/"))).toList();
        admin = UserSession.login(issuers.get(0), "admin", ScaleTopology.ADMIN_PASSWORD);
        user = "u" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = issuers.get(0).send("POST", "/admin/users", admin.access(),
                "{\"username\":\"" + user + "\",\"password\":\"" + password() + "\",\"groups\":[\"user\"]}");
        assertEquals(201, created.statusCode(), created.body());
    }

    @AfterAll
    static void stopTopology() {
        if (topology != null) {
            topology.close();
        }
        redis.close();
    }

    @Test
    @Order(1)
    void everyTokenVerifiesEverywhereAndEveryKidHasOneInstance() {
        new ScaleOutScenario(topology, issuers).assertEveryTokenVerifiesEverywhere(user,
                issuer -> login(issuer).access(), ScaleAndFailureIT::adminToken);
    }

    @Test
    @Order(2)
    @Timeout(value = 150)
    void rotationUnderLoadRefusesNoValidTokenAndRetiredKeysLeaveAtTheirExpiry() {
        List<UserSession> sessions = issuers.stream().map(this::login).toList();
        BearerLoad load = new BearerLoad(issuers, List.of(protectedUri(0), protectedUri(1)), Duration.ofSeconds(1),
                Duration.ofMillis(40));
        Duration length = Duration.ofSeconds(32);
        BearerLoad.Result result = load.run(sessions, length);
        System.out.printf("rotation under load: %d accepted in %s, %d failed, %d refreshes failed, %d kids%n",
                result.accepted(), length, result.failures().size(), result.refreshFailures().size(),
                result.kids().size());

        assertEquals(List.of(), result.failures(), "no valid token refused");
        assertEquals(List.of(), result.refreshFailures(), "every refresh at a rotating issuer succeeded");
        assertTrue(result.accepted() > 300, "a real load: " + result.accepted());
        assertTrue(result.kids().size() >= 5, "keys rotated during the load: " + result.kids());

        List<PublishedKeys.Key> retired = PublishedKeys.read(issuers.get(0), adminToken()).inState("RETIRED");
        assertFalse(retired.isEmpty(), "keys were retired");
        Duration afterRetirement = ROTATING.accessTtl().plus(ROTATING.leeway());
        for (PublishedKeys.Key key : retired) {
            assertEquals(key.retiredAt().plus(afterRetirement), key.expiresAt(), "computed expiry of " + key);
        }
        JwksDepartures departures = departures(Map.copyOf(retired.stream()
                .collect(Collectors.toMap(PublishedKeys.Key::kid, PublishedKeys.Key::expiresAt))), issuers);
        departures.awaitAll(afterRetirement.plus(DEPARTURE_SLACK).plusSeconds(3));
        System.out.println("retired keys left the JWKS this long after their computed expiry: "
                + departures.lateness());
        assertEquals(Map.of(), departures.tooEarly(), "no retired key left before its expiry");
        assertEquals(Set.of(), departures.stillListed(), "every retired key left");
        departures.lateness().forEach((kid, late) -> assertTrue(late.compareTo(DEPARTURE_SLACK) <= 0,
                kid + " left " + late + " after its expiry"));
    }

    @Test
    @Order(3)
    @Timeout(value = 60)
    void revocationDuringLostPubSubIsEnforcedWithinTwoSecondsOfTheReconnect() throws Exception {
        String token = login(issuers.get(0)).access();
        assertAccepted(token);
        PubSubLossScenario.Result loss = new PubSubLossScenario(
                List.of(new HostAndPort("127.0.0.1", redis.port())), REVOCATIONS).run(topology.verifierCount(),
                () -> assertEquals(200, issuers.get(1).revoke(token).statusCode()),
                () -> statuses(token).equals(List.of(401, 401)));
        System.out.println("pub/sub loss: " + loss);
    }

    @Test
    @Order(4)
    @Timeout(value = 90)
    void killedIssuersTokensVerifyUntilTheyExpireAndItsKeysLeaveAtTheirExpiry() {
        String token = login(issuers.get(KILLED)).access();
        Instant tokenExpiry = TokenParts.expiresAt(token);
        topology.issuer(KILLED).kill();
        Instant killedAt = Instant.now();

        PublishedKeys keys = PublishedKeys.read(issuers.get(0), adminToken());
        String instance = keys.find(TokenParts.kid(token)).orElseThrow().instance();
        Map<String, Instant> expiries = keys.ofInstance(instance).stream()
                .collect(Collectors.toMap(PublishedKeys.Key::kid, PublishedKeys.Key::expiresAt));
        Duration bound = ROTATING.heartbeat().multipliedBy(2).plus(ROTATING.accessTtl()).plus(ROTATING.leeway());
        expiries.values().forEach(expiry -> assertTrue(!expiry.isAfter(killedAt.plus(bound)),
                "expiry " + expiry + " at most heartbeat + heartbeat + access TTL + leeway after the kill"));

        JwksDepartures departures = departures(expiries, survivors());
        List<String> failures = new ArrayList<>();
        int accepted = 0;
        Instant deadline = expiries.values().stream().max(Instant::compareTo).orElseThrow()
                .plus(DEPARTURE_SLACK).plusSeconds(3);
        while (Instant.now().isBefore(deadline) && !(departures.allLeft() && Instant.now().isAfter(tokenExpiry))) {
            if (Instant.now().isBefore(tokenExpiry.minusMillis(500))) {
                for (int v = 0; v < topology.verifierCount(); v++) {
                    HttpResponse<String> response = http.get(protectedUri(v), token);
                    if (response.statusCode() == 200) {
                        accepted++;
                    } else if (failures.size() < 20) {
                        failures.add("verifier " + v + " at " + Instant.now() + ": " + response.statusCode());
                    }
                }
            }
            departures.observe();
            pace(Duration.ofMillis(150));
        }
        System.out.printf("kill -9: %d accepted until the token expired, %d failed; keys left %s after expiry%n",
                accepted, failures.size(), departures.lateness());
        assertEquals(List.of(), failures, "the dead instance's token verified until it expired");
        assertTrue(accepted >= 10, "requests were made: " + accepted);
        assertEquals(Map.of(), departures.tooEarly(), "its keys stayed listed while its tokens could be valid");
        assertEquals(Set.of(), departures.stillListed(), "its keys left the surviving instances' JWKS");
        departures.lateness().forEach((kid, late) -> assertTrue(late.compareTo(DEPARTURE_SLACK) <= 0,
                kid + " left " + late + " after its expiry"));

        Instant expired = tokenExpiry.plus(LIMITS.leeway()).plusMillis(1500);
        Poll.until(Duration.ofSeconds(30), () -> Instant.now().isAfter(expired));
        assertEquals(401, http.get(protectedUri(0), token).statusCode(), "once expired it is refused");
    }

    @Test
    @Order(5)
    @Timeout(value = 60)
    void redisDownAnswers503NeverAcceptsARevokedTokenAndRecoversWithinFiveSeconds() {
        longValid = login(issuers.get(LONG_LIVED_ISSUER)).access();
        longRevoked = login(issuers.get(LONG_LIVED_ISSUER)).access();
        String valid = login(issuers.get(0)).access();
        String revoked = login(issuers.get(0)).access();
        assertEquals(200, issuers.get(0).revoke(revoked).statusCode());
        // through an instance whose own tokens live 15 s: the entry must last as long as the 10-minute token
        assertEquals(200, issuers.get(0).revoke(longRevoked).statusCode());
        longRevokedAt = Instant.now();
        assertTrue(Poll.until(Duration.ofSeconds(2), () -> statuses(revoked).equals(List.of(401, 401))
                && statuses(longRevoked).equals(List.of(401, 401))), "revoked before the outage");
        assertAccepted(valid);
        assertAccepted(longValid);

        List<String> wrong = new ArrayList<>();
        redis.stop();
        Instant stopped = Instant.now();
        Set<Integer> seen = new HashSet<>();
        boolean closed = Poll.until(LIMITS.maxStaleness().plusSeconds(4), () -> {
            List<Integer> now = statuses(valid);
            check(statuses(revoked), now, wrong, seen);
            return now.equals(List.of(503, 503));
        });
        Duration toClosed = Duration.between(stopped, Instant.now());
        assertTrue(closed, "both verifiers fail closed with 503 once max-staleness passed: " + seen);
        Poll.until(Duration.ofSeconds(1), () -> {
            check(statuses(revoked), statuses(valid), wrong, seen);
            return false;
        });

        redis.restart();
        Instant restarted = Instant.now();
        Instant[] back = new Instant[2];
        boolean recovered = Poll.until(Duration.ofSeconds(5), () -> {
            List<Integer> now = statuses(valid);
            check(statuses(revoked), now, wrong, seen);
            check(statuses(longRevoked), List.of(), wrong, seen);
            if (back[0] == null && now.equals(List.of(200, 200))) {
                back[0] = Instant.now();
            }
            if (back[1] == null && survivors().stream()
                    .allMatch(issuer -> http.statusOrZero(issuer.uri("/health/ready")) == 200)) {
                back[1] = Instant.now();
            }
            return back[0] != null && back[1] != null;
        });
        System.out.printf("Redis down: 503 everywhere after %s; after Redis returned, verifiers accepted again after "
                        + "%s, issuers ready after %s; statuses %s%n", toClosed, since(restarted, back[0]),
                since(restarted, back[1]), seen);
        assertEquals(List.of(), wrong, "never 200 for the revoked token, never a 5xx other than 503");
        assertTrue(recovered, "verifiers accept valid tokens and issuers are ready within 5 s; token expires "
                + TokenParts.expiresAt(valid));
        assertTrue(toClosed.compareTo(LIMITS.maxStaleness().plusSeconds(3)) <= 0, "503 after " + toClosed);
        assertEquals(List.of(401, 401), statuses(revoked), "the running verifiers still know the revocation");
        assertEquals(List.of(401, 401), statuses(longRevoked), "and the long-lived one's");
    }

    @Test
    @Order(6)
    @Timeout(value = 240)
    void revocationFromBeforeTheWipeHoldsAtAVerifierStartedAfterIt() {
        assertTrue(longRevoked != null, "scenario 5 revoked a long-lived token before the wipe");
        Instant start = Instant.now();
        topology.restartVerifier(0);
        Duration restart = Duration.between(start, Instant.now());
        URI restarted = protectedUri(0);
        assertTrue(Poll.until(Duration.ofSeconds(30), () -> http.statusOrZero(restarted) == 401), "verifier up");
        assertTrue(Instant.now().isBefore(TokenParts.expiresAt(longRevoked)), "the revoked token has not expired");
        Instant revokingInstanceTokensExpired = longRevokedAt.plus(ROTATING.accessTtl()).plus(ROTATING.leeway())
                .plusSeconds(1);
        Duration untilThen = Duration.between(Instant.now(), revokingInstanceTokensExpired);
        if (!untilThen.isNegative()) {
            pace(untilThen); // past the lifetime of the revoking instance's own tokens, as production would be
        }

        assertEquals(200, http.get(restarted, longValid).statusCode(),
                "the restarted verifier accepts a valid token signed before the wipe");
        assertEquals(401, http.get(restarted, longRevoked).statusCode(),
                "the restarted verifier rejects the token revoked before the wipe");
        assertEquals(401, http.get(protectedUri(1), longRevoked).statusCode(), "so does the one that kept running");
        System.out.printf("wipe: verifier restarted in %s; the revocation from before the wipe still holds there%n",
                restart);
    }

    /** Records what a verifier must never answer during an outage: 200 for a revoked token, or a 5xx but 503. */
    private static void check(List<Integer> revokedStatuses, List<Integer> validStatuses, List<String> wrong,
                              Set<Integer> seen) {
        seen.addAll(revokedStatuses);
        seen.addAll(validStatuses);
        revokedStatuses.stream().filter(status -> status == 200 || (status >= 500 && status != 503))
                .forEach(status -> wrong.add("revoked token: " + status + " at " + Instant.now()));
        validStatuses.stream().filter(status -> status >= 500 && status != 503)
                .forEach(status -> wrong.add("valid token: " + status + " at " + Instant.now()));
    }

    private List<Integer> statuses(String token) {
        return IntStream.range(0, topology.verifierCount())
                .mapToObj(v -> http.get(protectedUri(v), token).statusCode()).toList();
    }

    private void assertAccepted(String token) {
        assertEquals(List.of(200, 200), statuses(token), "accepted at both verifiers");
    }

    private JwksDepartures departures(Map<String, Instant> expiries, List<IssuerClient> at) {
        return new JwksDepartures(at.stream().map(issuer -> issuer.uri("/.well-known/jwks.json")).toList(),
                expiries, Duration.ofMillis(500));
    }

    private UserSession login(IssuerClient issuer) {
        return UserSession.login(issuer, user, password());
    }

    private static String adminToken() {
        return admin.fresh(issuers.get(0), Duration.ofSeconds(5));
    }

    private static String password() {
        return "pw-" + user + "-secret";
    }

    private static Duration since(Instant start, Instant end) {
        return end == null ? null : Duration.between(start, end);
    }

    private static List<IssuerClient> survivors() {
        return IntStream.range(0, issuers.size()).filter(i -> i != KILLED).mapToObj(issuers::get).toList();
    }

    private static URI protectedUri(int verifier) {
        return topology.whoami(verifier);
    }

    /** The pause between two rounds of a loop that is itself bounded by a deadline. */
    private static void pace(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
