package dev.rotor.issuer.keys.entity;

import dev.rotor.filter.protocol.JwsAlgorithm;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import jakarta.json.JsonObject;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Instant;

/**
 * This instance's key that signs. The private key lives only inside the java-jwt {@link Algorithm}, which never
 * hands it out; nothing here returns, serializes or prints it. Once the key is retired this object is dropped, and
 * with it the private key.
 */
public final class SigningKey {

    private final PublicKeyInfo publicKey;
    private final Algorithm signer;

    private SigningKey(PublicKeyInfo publicKey, Algorithm signer) {
        this.publicKey = publicKey;
        this.signer = signer;
    }

    /** Generates a key pair in memory. Only the public half is ever handed out, as {@link #publicKey()}. */
    public static SigningKey generate(JwsAlgorithm algorithm, Instant createdAt) {
        try {
            return of(algorithm, KeyPairs.generate(algorithm), createdAt);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot generate " + algorithm + " keys", e);
        }
    }

    static SigningKey of(JwsAlgorithm algorithm, KeyPair keyPair, Instant createdAt) {
        JsonObject jwk = JwkEncoder.encode(algorithm, keyPair.getPublic());
        return new SigningKey(new PublicKeyInfo(jwk.getString("kid"), algorithm, jwk, createdAt),
                KeyPairs.signer(algorithm, keyPair));
    }

    /** Adds this key's {@code kid} to the header and signs. */
    public String sign(JWTCreator.Builder token) {
        return token.withKeyId(publicKey.kid()).sign(signer);
    }

    public PublicKeyInfo publicKey() {
        return publicKey;
    }

    public String kid() {
        return publicKey.kid();
    }

    @Override
    public String toString() {
        return "SigningKey[kid=" + kid() + ", alg=" + publicKey.algorithm() + "]";
    }
}
