package dev.rotor.bench;

import dev.rotor.issuer.tokens.control.IssuanceBenchmark;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The in-process half: {@link IssuanceBenchmark}'s methods, one JMH fork each, interleaved round by round so that
 * a busy phase of the shared machine hits every variant alike. The timings are the class's own annotations.
 */
final class InProcessRounds {

    static final List<String> VARIANTS = List.of("javaJwtSign", "refreshGrant", "rotationOnly", "accessTokenOnly",
            "passwordGrant");

    private final int rounds;
    private final Path tmp;
    private final String profiler;

    /** @param profiler a JMH profiler name ({@code stack}, {@code jfr}) for every fork, or {@code null} */
    InProcessRounds(int rounds, Path tmp, String profiler) {
        this.rounds = rounds;
        this.tmp = tmp;
        this.profiler = profiler;
    }

    List<Measured> run() throws RunnerException {
        List<Measured> results = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            List<String> order = new ArrayList<>(VARIANTS);
            if (round % 2 == 0) {
                Collections.reverse(order);
            }
            for (String variant : order) {
                results.add(one(round, variant));
            }
        }
        return results;
    }

    private Measured one(int round, String variant) throws RunnerException {
        OptionsBuilder options = new OptionsBuilder();
        options.include(IssuanceBenchmark.class.getName() + "\\." + variant + "$")
                .forks(1)
                .jvmArgs("-Djava.io.tmpdir=" + tmp)
                .verbosity(VerboseMode.NORMAL);
        if (profiler != null) {
            options.addProfiler(profiler);
        }
        LoadAverage before = LoadAverage.now();
        RunResult result = new Runner(options.build()).runSingle();
        LoadAverage after = LoadAverage.now();
        double score = result.getPrimaryResult().getScore();
        String detail = String.format("± %.1f (99.9 %%, %d iterations)", result.getPrimaryResult().getScoreError(),
                result.getPrimaryResult().getSampleCount());
        return new Measured(round, variant, score, detail, before, after);
    }
}
