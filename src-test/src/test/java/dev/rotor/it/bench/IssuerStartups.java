package dev.rotor.it.bench;

import dev.rotor.it.support.IssuerDeployment;
import dev.rotor.it.support.PayaraMicroProcess;
import dev.rotor.testsupport.RedisFixture;

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Issue 13, item 5: from the start of the issuer's Payara Micro process to the first 200 of its JWKS, each start on
 * an empty Redis of its own, with the same JVM options as the benchmarked verifiers.
 */
final class IssuerStartups {

    private static final Duration JWKS_200 = Duration.ofSeconds(60);

    private IssuerStartups() {
    }

    static List<Duration> measure(int starts) {
        List<Duration> times = new ArrayList<>();
        HttpProbe http = new HttpProbe();
        for (int i = 1; i <= starts; i++) {
            try (RedisFixture redis = RedisFixture.start()) {
                File war = IssuerDeployment.export(IssuerDeployment.issuer(Map.of(
                        "rotor.issuer", "https://issuer.example",
                        "rotor.redis.url", redis.uri().toString(),
                        "rotor.admin.password", "bench-admin-password-0123")), "bench-issuer-" + i);
                long begin = System.nanoTime();
                try (PayaraMicroProcess issuer = PayaraMicroProcess.start("bench-issuer-" + i, war, BenchServers.JVM)) {
                    if (!http.awaitStatus(issuer.uri("/.well-known/jwks.json"), null, 200, JWKS_200)) {
                        throw new IllegalStateException("the issuer's JWKS never answered 200; see " + issuer.logFile());
                    }
                    times.add(Duration.ofNanos(System.nanoTime() - begin));
                }
            }
        }
        return times;
    }
}
