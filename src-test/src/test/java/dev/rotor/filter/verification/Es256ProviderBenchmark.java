package dev.rotor.filter.verification;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Security;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Issue 13, ES256: java-jwt's ECDSA P-256 sign and verify with the JDK's own provider (SunEC) against BouncyCastle's
 * ({@code bcprov-jdk18on}) put first in the provider list, so java-jwt's {@code Signature.getInstance} picks it. Run
 * it under each JDK to be compared with JMH's {@code -jvm}. java-jwt stays the JWS layer either way.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class Es256ProviderBenchmark {

    private static final int TOKENS = 1_000;

    @Param({"SunEC", "BC"})
    public String provider;

    private Algorithm algorithm;
    private JWTVerifier verifier;
    private String[] tokens;
    private byte[] header;
    private byte[] payload;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws GeneralSecurityException {
        if ("BC".equals(provider)) {
            Security.insertProviderAt(new BouncyCastleProvider(), 1);
        }
        String chosen = Signature.getInstance("SHA256withECDSA").getProvider().getName();
        if (!chosen.equals(provider)) {
            throw new IllegalStateException("java-jwt would sign with " + chosen + ", not " + provider);
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        algorithm = Algorithm.ECDSA256((ECPublicKey) pair.getPublic(), (ECPrivateKey) pair.getPrivate());
        verifier = JWT.require(algorithm).withIssuer("https://issuer.example").build();
        tokens = new String[TOKENS];
        Instant now = Instant.now();
        for (int i = 0; i < TOKENS; i++) {
            tokens[i] = JWT.create().withIssuer("https://issuer.example").withSubject("user-" + i)
                    .withClaim("rid", "rid-" + i).withIssuedAt(now).withExpiresAt(now.plusSeconds(3600))
                    .withKeyId("ec-1").sign(algorithm);
        }
        header = "{\"alg\":\"ES256\",\"kid\":\"ec-1\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8);
        payload = "{\"iss\":\"https://issuer.example\",\"sub\":\"alice\",\"rid\":\"r-1\",\"exp\":1999999999}"
                .getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public Object verify() {
        next = next + 1 == TOKENS ? 0 : next + 1;
        return verifier.verify(tokens[next]);
    }

    @Benchmark
    public byte[] sign() {
        return algorithm.sign(header, payload);
    }
}
