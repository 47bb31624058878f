package dev.rotor.issuer.tokens.control;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.rotor.filter.configuration.RedisEndpoint;
import dev.rotor.filter.configuration.Settings;
import dev.rotor.filter.protocol.JwsAlgorithm;
import dev.rotor.filter.redis.RedisConnections;
import dev.rotor.issuer.configuration.IssuerConfig;
import dev.rotor.issuer.keys.control.KeyLifetimes;
import dev.rotor.issuer.keys.control.KeyRing;
import dev.rotor.issuer.keys.control.RedisPublicKeyRegistry;
import dev.rotor.issuer.keys.control.TokenLifetimes;
import dev.rotor.issuer.keys.entity.SigningKey;
import dev.rotor.issuer.operations.control.SecurityEvents;
import dev.rotor.issuer.revocation.control.Blacklist;
import dev.rotor.issuer.revocation.control.SessionTermination;
import dev.rotor.issuer.sessions.control.RefreshSessions;
import dev.rotor.issuer.sessions.control.SessionLifetimes;
import dev.rotor.issuer.sessions.entity.RotationResult;
import dev.rotor.issuer.tokens.entity.GrantResult;
import dev.rotor.issuer.users.control.LoginThrottle;
import dev.rotor.issuer.users.control.PasswordHasher;
import dev.rotor.issuer.users.control.RotorIdentityStore;
import dev.rotor.issuer.users.control.ThrottleLimits;
import dev.rotor.issuer.users.control.UserStore;
import dev.rotor.testsupport.RedisFixture;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Issue 13, issuance in-process: the issuer's own control classes, wired as the container wires them, on a real
 * {@code redis-server} of the benchmark's own, against java-jwt signing alone in the same JVM.
 * <ul>
 *   <li>{@code javaJwtSign}: java-jwt 4 alone, RS256 with an RSA-2048 key, the claims of a Rotor access token;</li>
 *   <li>{@code refreshGrant}: {@link RefreshGrant#refresh}: the rotation script (one {@code EVAL}), the user's
 *       current groups ({@code HGETALL}) and the access token signed by the {@link KeyRing}'s active RS256 key;
 *       each call presents the refresh token the previous call returned, so every call is a real rotation;</li>
 *   <li>{@code rotationOnly} and {@code accessTokenOnly}: the two halves of a refresh grant, to show what bounds it;</li>
 *   <li>{@code passwordGrant}: {@link PasswordGrant#login} with the production {@link PasswordHasher}
 *       (PBKDF2-HMAC-SHA256, {@value #ITERATIONS} iterations): throttle check, user read, hash, session, token.</li>
 * </ul>
 * The 1-minute load average is printed at the start and the end of each trial: the benchmark runs on a shared machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class IssuanceBenchmark {

    static final int ITERATIONS = 600_000;
    private static final String USER = "bench-user";
    private static final String PASSWORD = "bench-password-1";
    private static final Duration ACCESS_TTL = Duration.ofMinutes(15);

    private RedisFixture redis;
    private RedisConnections connections;
    private IssuerConfig config;
    private RefreshSessions sessions;
    private AccessTokens accessTokens;
    private RefreshGrant refreshes;
    private PasswordGrant passwords;
    private Algorithm rawSigner;
    private String rawKid;

    @Setup(Level.Trial)
    public void setUp() throws NoSuchAlgorithmException {
        loadAverage("start");
        redis = RedisFixture.start();
        connections = RedisEndpoint.loopback(redis.port()).connect();
        Clock clock = Clock.systemUTC();
        config = IssuerConfig.from(Settings.from(key -> Optional.ofNullable(Map.of(
                IssuerConfig.ISSUER, "https://issuer.example",
                IssuerConfig.REDIS_URL, redis.uri().toString(),
                IssuerConfig.ACCESS_TTL, ACCESS_TTL.toString()).get(key))));
        SecurityEvents events = new NoEvents();
        KeyRing keys = new KeyRing();
        keys.install(SigningKey.generate(JwsAlgorithm.RS256, clock.instant()),
                SigningKey.generate(JwsAlgorithm.RS256, clock.instant()), clock.instant(),
                new KeyLifetimes(Duration.ofHours(1), Duration.ofSeconds(30), ACCESS_TTL, config.leeway()));
        String prefix = config.redisNames().prefix();
        PasswordHasher hasher = new PasswordHasher(new Pbkdf2PasswordHashImpl());
        sessions = new RefreshSessions(connections, prefix, SessionLifetimes.DEFAULTS, clock);
        UserStore users = new UserStore(connections, prefix, hasher, clock);
        users.create(USER, PASSWORD.toCharArray(), Set.of("user", "finance"));
        accessTokens = new AccessTokens(keys, config, clock, events);
        RedisPublicKeyRegistry registry = new RedisPublicKeyRegistry(connections, prefix);
        Blacklist blacklist = new Blacklist(connections, config, new TokenLifetimes(registry, config), clock, events);
        refreshes = new RefreshGrant(sessions, users, accessTokens, new SessionTermination(sessions, blacklist), events);
        RotorIdentityStore identities = new RotorIdentityStore(users, hasher);
        IdentityStoreHandler handler = identities::validate;
        passwords = new PasswordGrant(handler, new LoginThrottle(connections, prefix, ThrottleLimits.defaults()),
                sessions, accessTokens, events);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        rawSigner = Algorithm.RSA256((RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate());
        rawKid = keys.active().kid();
        if (!(passwords.login(USER, PASSWORD, "", "127.0.0.1") instanceof GrantResult.Granted)) {
            throw new IllegalStateException("the benchmark user cannot log in");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        loadAverage("end");
        connections.close();
        redis.close();
    }

    /** One refresh-token chain per benchmark thread, as one client holds one. */
    @State(Scope.Thread)
    public static class Chain {
        String refreshToken;

        @Setup(Level.Trial)
        public void open(IssuanceBenchmark bench) {
            refreshToken = bench.sessions.create(USER, "", Set.of("user", "finance")).refreshToken();
        }
    }

    @Benchmark
    public String javaJwtSign() {
        Instant now = Instant.now();
        return JWT.create()
                .withHeader(Map.of("typ", "at+jwt"))
                .withKeyId(rawKid)
                .withIssuer("https://issuer.example")
                .withSubject(USER)
                .withAudience("rotor")
                .withIssuedAt(now)
                .withNotBefore(now)
                .withExpiresAt(now.plus(ACCESS_TTL))
                .withJWTId("AAAAAAAAAAAAAAAAAAAAAA")
                .withClaim("client_id", "")
                .withClaim("rid", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
                .withClaim("groups", List.of("finance", "user"))
                .sign(rawSigner);
    }

    @Benchmark
    public String refreshGrant(Chain chain) {
        GrantResult result = refreshes.refresh(chain.refreshToken);
        if (!(result instanceof GrantResult.Granted granted)) {
            throw new IllegalStateException("refresh refused: " + result);
        }
        chain.refreshToken = granted.tokens().refreshToken();
        return granted.tokens().access().value();
    }

    @Benchmark
    public String rotationOnly(Chain chain) {
        RotationResult result = sessions.rotate(chain.refreshToken);
        if (!(result instanceof RotationResult.Rotated rotated)) {
            throw new IllegalStateException("rotation refused: " + result);
        }
        chain.refreshToken = rotated.newRefreshToken();
        return rotated.rid();
    }

    @Benchmark
    public String accessTokenOnly() {
        return accessTokens.issue(USER, List.of("finance", "user"), "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "").value();
    }

    @Benchmark
    @Warmup(iterations = 1, time = 3)
    @Measurement(iterations = 3, time = 5)
    public GrantResult passwordGrant() {
        GrantResult result = passwords.login(USER, PASSWORD, "", "127.0.0.1");
        if (!(result instanceof GrantResult.Granted)) {
            throw new IllegalStateException("password grant refused: " + result);
        }
        return result;
    }

    private static void loadAverage(String when) {
        try {
            System.out.println("load average at the " + when + " of the trial: "
                    + Files.readString(Path.of("/proc/loadavg")).trim());
        } catch (IOException e) {
            System.out.println("load average unknown: " + e);
        }
    }

    /** The metrics counters are not what is measured. */
    private static final class NoEvents implements SecurityEvents {
        @Override
        public void tokenIssued() {
        }

        @Override
        public void refreshed() {
        }

        @Override
        public void reuseDetected() {
        }

        @Override
        public void revoked() {
        }

        @Override
        public void loginFailed() {
        }

        @Override
        public void loginThrottled() {
        }
    }
}
