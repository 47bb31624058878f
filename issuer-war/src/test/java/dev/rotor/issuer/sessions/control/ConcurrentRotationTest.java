package dev.rotor.issuer.sessions.control;

import dev.rotor.issuer.sessions.entity.IssuedSession;
import dev.rotor.issuer.sessions.entity.RotationResult;
import dev.rotor.issuer.sessions.entity.RotationResult.Rotated;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Set;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConcurrentRotationTest {

    private static final int THREADS = 20;

    @RegisterExtension
    static final SessionTestBed bed = new SessionTestBed();

    private ExecutorService pool;

    @BeforeEach
    void startThreads() {
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    void stopThreads() throws InterruptedException {
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
    }

    @RepeatedTest(10)
    void twentyParallelRefreshesOfOneTokenGiveExactlyOneNewToken() throws Exception {
        IssuedSession issued = bed.sessions().create("alice", "web", Set.of("user"));

        List<RotationResult> results = rotateTogether(issued.refreshToken());

        List<Rotated> rotated = results.stream()
                .filter(Rotated.class::isInstance).map(Rotated.class::cast).toList();
        assertEquals(1, rotated.size(), results::toString);
        assertTrue(results.stream().allMatch(result -> result instanceof Rotated
                || result instanceof RotationResult.Reused || result instanceof RotationResult.Invalid));
        if (results.stream().anyMatch(RotationResult.Reused.class::isInstance)) {
            assertInstanceOf(RotationResult.Reused.class, bed.sessions().rotate(rotated.get(0).newRefreshToken()),
                    "a replay among the racers compromises the family, including the winner's token");
        }
    }

    private List<RotationResult> rotateTogether(String token) throws Exception {
        CountDownLatch ready = new CountDownLatch(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<RotationResult>> futures = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            futures.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return bed.sessions().rotate(token);
            }));
        }
        assertTrue(ready.await(10, TimeUnit.SECONDS));
        go.countDown();
        List<RotationResult> results = new ArrayList<>();
        for (Future<RotationResult> future : futures) {
            results.add(future.get(30, TimeUnit.SECONDS));
        }
        return results;
    }
}
