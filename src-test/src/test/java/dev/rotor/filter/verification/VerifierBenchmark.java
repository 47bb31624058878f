package dev.rotor.filter.verification;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.Verification;
import dev.rotor.filter.configuration.FailPolicy;
import dev.rotor.filter.configuration.RedisEndpoint;
import dev.rotor.filter.protocol.RedisNames;
import dev.rotor.filter.revocation.RevocationMirror;
import dev.rotor.testsupport.RedisFixture;
import dev.rotor.testsupport.TestConfig;
import dev.rotor.testsupport.TokenFixture;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Issue 13, in-process: java-jwt alone against Rotor's full {@link TokenVerifier} on a cache miss and on a cache
 * hit, for RS256 and ES256. The verifier's revocation check is the real {@link RevocationMirror}, loaded from a
 * real Redis holding {@value #REVOKED} revoked sessions. Every variant verifies the same {@value #TOKENS} tokens in
 * turn; the miss variant's cache holds one token, so each verification misses.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class VerifierBenchmark {

    static final int REVOKED = 100_000;
    static final int TOKENS = 1_000;

    @Param({"RS256", "ES256"})
    public String alg;

    private RedisFixture redis;
    private RevocationMirror mirror;
    private TokenFixture misses;
    private TokenVerifier missVerifier;
    private TokenVerifier hitVerifier;
    private JWTVerifier javaJwt;
    private String[] tokens;
    private byte[][] bytes;

    @Setup(Level.Trial)
    public void setUp() throws InterruptedException {
        redis = RedisFixture.start();
        RedisEndpoint endpoint = RedisEndpoint.loopback(redis.port());
        RedisNames names = new RedisNames(RedisNames.DEFAULT_PREFIX);
        try (UnifiedJedis client = endpoint.client(); AbstractPipeline pipeline = client.pipelined()) {
            for (int i = 0; i < REVOKED; i++) {
                pipeline.set(names.blacklistKey(dev.rotor.filter.protocol.RevocationEvent.Type.RID, "revoked-" + i),
                        "1", SetParams.setParams().px(Duration.ofHours(1).toMillis()));
            }
            pipeline.sync();
        }
        ThreadFactory daemons = runnable -> {
            Thread thread = new Thread(runnable, "bench-mirror");
            thread.setDaemon(true);
            return thread;
        };
        misses = new TokenFixture("token-cache-size", "1", "http-timeout", "PT10S");
        mirror = new RevocationMirror(endpoint, names, FailPolicy.CLOSED, Duration.ofMinutes(5), misses.clock, daemons);
        mirror.start();
        for (int i = 0; i < 600 && !mirror.isTrusted(); i++) {
            Thread.sleep(50);
        }
        if (!mirror.isTrusted() || !mirror.isRevoked("revoked-" + (REVOKED - 1), null, null, null)) {
            throw new IllegalStateException("the mirror did not load the revoked sessions");
        }
        for (int i = 0; i < 200 && misses.keys.resolve(TokenFixture.RSA_KID).isEmpty(); i++) {
            Thread.sleep(50);
        }
        missVerifier = new TokenVerifier(misses.config, misses.keys, mirror, misses.clock);
        hitVerifier = new TokenVerifier(TestConfig.forIssuer(misses.server.issuer(), "algorithms", "RS256,ES256"),
                misses.keys, mirror, misses.clock);
        tokens = new String[TOKENS];
        for (int i = 0; i < TOKENS; i++) {
            String claims = misses.claims().add("jti", "jti-" + i).add("rid", "rid-" + i).build().toString();
            tokens[i] = "RS256".equals(alg) ? misses.rs256(claims) : TokenFixture.signed(
                    TokenFixture.header("ES256", TokenFixture.EC_KID).build().toString(), claims,
                    TokenFixture.EC.getPrivate(), "SHA256withECDSAinP1363Format");
        }
        bytes = new byte[TOKENS][];
        for (int i = 0; i < TOKENS; i++) {
            bytes[i] = tokens[i].getBytes(StandardCharsets.ISO_8859_1);
        }
        javaJwt = javaJwtVerifier(misses.clock);
        for (String token : tokens) {
            missVerifier.verify(token);
            hitVerifier.verify(token);
            javaJwt.verify(token);
        }
    }

    private JWTVerifier javaJwtVerifier(Clock clock) {
        Algorithm algorithm = "RS256".equals(alg)
                ? Algorithm.RSA256((RSAPublicKey) TokenFixture.RSA.getPublic(), null)
                : Algorithm.ECDSA256((ECPublicKey) TokenFixture.EC.getPublic(), null);
        Verification verification = JWT.require(algorithm)
                .withIssuer(misses.config.issuer().toString())
                .withAudience(TestConfig.AUDIENCE)
                .acceptLeeway(30);
        for (String claim : new String[]{"exp", "iat", "sub", "jti", "rid"}) {
            verification.withClaimPresence(claim);
        }
        return ((JWTVerifier.BaseVerification) verification).build(clock);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        mirror.close();
        misses.close();
        redis.close();
    }

    /** Each thread walks the tokens on its own, decoding each afresh from bytes, as a request header is. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        String token(byte[][] tokens) {
            next = next + 1 == tokens.length ? 0 : next + 1;
            return new String(tokens[next], StandardCharsets.ISO_8859_1);
        }
    }

    @Benchmark
    public Object javaJwtVerify(Cursor cursor) {
        return javaJwt.verify(cursor.token(bytes));
    }

    @Benchmark
    public Object rotorCacheMiss(Cursor cursor) {
        return missVerifier.verify(cursor.token(bytes));
    }

    @Benchmark
    @Threads(1)
    public Object rotorCacheHit1Thread(Cursor cursor) {
        return hitVerifier.verify(cursor.token(bytes));
    }

    @Benchmark
    @Threads(2)
    public Object rotorCacheHit2Threads(Cursor cursor) {
        return hitVerifier.verify(cursor.token(bytes));
    }
}
