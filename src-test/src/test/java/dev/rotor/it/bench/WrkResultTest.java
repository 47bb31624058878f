package dev.rotor.it.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The benchmark reads wrk's text output; a misread figure would go unnoticed into BENCHMARKS.md. */
class WrkResultTest {

    private static final String OUTPUT = """
            Running 10s test @ http://localhost:41669/api/hello
              2 threads and 16 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency     1.30ms    5.11ms 235.83ms   97.90%
                Req/Sec     4.94k     1.10k    7.01k    71.50%
              Latency Distribution
                 50%  812.00us
                 75%    1.26ms
                 90%    2.01ms
                 99%    1.02s
              98233 requests in 10.02s, 14.61MB read
              Non-2xx or 3xx responses: 7
              Socket errors: connect 0, read 2, write 1, timeout 3
            Requests/sec:   9807.14
            Transfer/sec:      1.46MB
            """;

    @Test
    void readsCountRatePercentilesInTheirUnitsAndErrors() {
        WrkResult result = WrkResult.parse(OUTPUT);

        assertEquals(98233, result.requests());
        assertEquals(10.02, result.seconds(), 1e-9);
        assertEquals(9807.14, result.requestsPerSecond(), 1e-9);
        assertEquals(0.812, result.p50Millis(), 1e-9);
        assertEquals(1020.0, result.p99Millis(), 1e-9);
        assertEquals(7, result.non2xx());
        assertEquals(6, result.socketErrors());
    }

    @Test
    void outputWithoutTheFiguresIsAnErrorNotAZero() {
        assertThrows(IllegalStateException.class, () -> WrkResult.parse("unable to connect to localhost:1"));
    }
}
