package dev.rotor.filter.verification;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.json.JsonValue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Issue 8 §6: the verified-token cache's hit path. Rotor's lock-free second-chance map against Caffeine (bounded,
 * W-TinyLFU) and the former {@code synchronized} access-ordered {@link LinkedHashMap}, each holding 10,000 tokens
 * of real length with random RS256-sized signatures, read by 1 and by 2 threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TokenCacheBenchmark {

    static final int SIZE = 10_000;

    @Param({"rotor", "caffeine", "synchronizedLru"})
    public String cache;

    private Lookup lookup;
    private String[] keys;
    private byte[][] bytes;

    interface Lookup {
        VerifiedToken get(String token);
    }

    @Setup
    public void setUp() {
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        keys = new String[SIZE];
        VerifiedToken[] values = new VerifiedToken[SIZE];
        Random random = new Random(42);
        for (int i = 0; i < SIZE; i++) {
            byte[] signature = new byte[256];
            random.nextBytes(signature);
            keys[i] = "eyJhbGciOiJSUzI1NiIsInR5cCI6ImF0K2p3dCIsImtpZCI6InJzYS0xIn0." + "x".repeat(300) + i
                    + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
            values[i] = new VerifiedToken("alice", List.of(), "rid" + i, "jti" + i, now, now.plusSeconds(900),
                    JsonValue.EMPTY_JSON_OBJECT);
        }
        bytes = new byte[SIZE][];
        for (int i = 0; i < SIZE; i++) {
            bytes[i] = keys[i].getBytes(StandardCharsets.ISO_8859_1);
        }
        switch (cache) {
            case "rotor" -> {
                VerifiedTokenCache rotor = new VerifiedTokenCache(SIZE + SIZE / 10);
                for (int i = 0; i < SIZE; i++) {
                    rotor.put(keys[i], values[i]);
                }
                lookup = rotor::get;
            }
            case "caffeine" -> {
                Cache<String, VerifiedToken> caffeine = Caffeine.newBuilder().maximumSize(SIZE + SIZE / 10).build();
                for (int i = 0; i < SIZE; i++) {
                    caffeine.put(keys[i], values[i]);
                }
                lookup = caffeine::getIfPresent;
            }
            default -> {
                Map<String, VerifiedToken> lru = new LinkedHashMap<>(16, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<String, VerifiedToken> eldest) {
                        return size() > SIZE + SIZE / 10;
                    }
                };
                for (int i = 0; i < SIZE; i++) {
                    lru.put(keys[i], values[i]);
                }
                lookup = token -> {
                    synchronized (lru) {
                        return lru.get(token);
                    }
                };
            }
        }
    }

    /** Each thread walks the keys on its own, decoding each afresh from bytes, as a request header is. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        String token(byte[][] keys) {
            next = next + 1 == keys.length ? 0 : next + 1;
            return new String(keys[next], StandardCharsets.ISO_8859_1);
        }
    }

    @Benchmark
    @Threads(1)
    public Object hit1Thread(Cursor cursor) {
        return lookup.get(cursor.token(bytes));
    }

    @Benchmark
    @Threads(2)
    public Object hit2Threads(Cursor cursor) {
        return lookup.get(cursor.token(bytes));
    }
}
