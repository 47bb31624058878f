package dev.rotor.filter.verification;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.rotor.filter.revocation.RevocationStateUnavailableException;
import dev.rotor.filter.verification.TokenRejectedException.Reason;
import dev.rotor.testsupport.TestConfig;
import dev.rotor.testsupport.TokenFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import static dev.rotor.filter.verification.Rejections.rejectedAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TokenVerifierTest {

    private final TokenFixture fixture = new TokenFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void goodRs256TokenIsVerifiedWithItsClaims() {
        VerifiedToken token = fixture.verifier.verify(fixture.rs256());

        assertEquals("alice", token.subject());
        assertEquals(List.of("user", "staff"), token.groups());
        assertEquals("rid-1", token.rid());
        assertEquals("jti-1", token.jti());
        assertEquals(fixture.now(), token.issuedAt());
        assertEquals(fixture.now().plus(TokenFixture.TTL), token.expiresAt());
        assertEquals("web", token.claims().getString("client_id"));
    }

    @Test
    void goodEs256TokenIsVerified() {
        assertEquals("alice", fixture.verifier.verify(fixture.es256()).subject());
    }

    @Test
    void tokenMintedByJavaJwtIsVerified() {
        Instant now = fixture.now();
        String token = JWT.create()
                .withHeader(Map.of("typ", "at+jwt", "kid", TokenFixture.RSA_KID))
                .withIssuer(fixture.config.issuer().toString())
                .withAudience(TestConfig.AUDIENCE)
                .withSubject("bob")
                .withJWTId("j")
                .withClaim("rid", "r")
                .withIssuedAt(now)
                .withExpiresAt(now.plusSeconds(60))
                .sign(Algorithm.RSA256((RSAPublicKey) TokenFixture.RSA.getPublic(),
                        (RSAPrivateKey) TokenFixture.RSA.getPrivate()));

        VerifiedToken verified = fixture.verifier.verify(token);

        assertEquals("bob", verified.subject());
        assertEquals(List.of(), verified.groups());
    }

    @Test
    void revocationCheckGetsTheClaimValues() {
        AtomicReference<String> seen = new AtomicReference<>();
        fixture.revocation((rid, jti, subject, issuedAt) -> {
            seen.set(rid + "|" + jti + "|" + subject + "|" + issuedAt);
            return false;
        });

        fixture.verifier.verify(fixture.rs256());

        assertEquals("rid-1|jti-1|alice|" + fixture.now(), seen.get());
    }

    @Test
    void revokedTokenIsRejected() {
        fixture.revocation((rid, jti, subject, issuedAt) -> "rid-1".equals(rid));

        rejectedAs(fixture, fixture.rs256(), Reason.REVOKED);
    }

    @Test
    void unavailableRevocationStatePropagatesAsBackendUnavailable() {
        fixture.revocation((rid, jti, subject, issuedAt) -> {
            throw new RevocationStateUnavailableException("redis down");
        });

        assertThrows(BackendUnavailableException.class, () -> fixture.verifier.verify(fixture.rs256()));
    }

    @Test
    void brokenRevocationCheckFailsClosedAsBackendUnavailable() {
        fixture.revocation((rid, jti, subject, issuedAt) -> {
            throw new IllegalStateException("bug");
        });

        assertThrows(BackendUnavailableException.class, () -> fixture.verifier.verify(fixture.rs256()));
    }

    @Test
    void cachedTokenIsStillCheckedForRevocationOnEveryUse() {
        String token = fixture.rs256();
        fixture.verifier.verify(token);
        fixture.verifier.verify(token);
        assertEquals(2, fixture.revocationChecks.get());

        fixture.revocation((rid, jti, subject, issuedAt) -> true);

        rejectedAs(fixture, token, Reason.REVOKED);
    }

    @Test
    void cachedTokenIsRejectedOnceExpiredBeyondLeeway() {
        String token = fixture.rs256();
        fixture.verifier.verify(token);

        fixture.clock.advance(TokenFixture.TTL.plusSeconds(29));
        fixture.verifier.verify(token);

        fixture.clock.advance(Duration.ofSeconds(2));
        rejectedAs(fixture, token, Reason.EXPIRED);
        rejectedAs(fixture, token, Reason.EXPIRED);
    }

    @Test
    void verificationNeedsNoJwksFetchPerToken() {
        for (int i = 0; i < 50; i++) {
            fixture.verifier.verify(fixture.rs256(fixture.claims().add("jti", "j" + i).build().toString()));
        }

        assertEquals(1, fixture.server.jwksRequests());
    }

    @Test
    void oneVerifierServesConcurrentRequests() throws Exception {
        List<String> tokens = List.of(fixture.rs256(), fixture.es256(),
                fixture.rs256(fixture.claims().add("sub", "bob").build().toString()));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> subjects = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String token = tokens.get(i % tokens.size());
                subjects.add(pool.submit(() -> fixture.verifier.verify(token).subject()));
            }
            for (int i = 0; i < subjects.size(); i++) {
                assertEquals(i % 3 == 2 ? "bob" : "alice", subjects.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, fixture.server.jwksRequests());
    }
}
