package dev.rotor.it.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/** The Markdown tables of one benchmark run: medians with every round's figure, ratios within a round, raw runs. */
final class BenchReport {

    private final BenchOptions options;
    private final List<Measurement> runs;

    BenchReport(BenchOptions options, List<Measurement> runs) {
        this.options = options;
        this.runs = List.copyOf(runs);
    }

    String summary(TokenMix mix) {
        String tokens = mix == TokenMix.DISTINCT ? options.tokens() + " distinct tokens" : mix.label();
        StringBuilder md = new StringBuilder("#### " + tokens + ", wrk " + options.wrkFlags() + " --latency, "
                + options.rounds() + " rounds (median, then round by round)\n\n");
        md.append("| variant | requests/s | p50 ms | p99 ms | server CPU µs/request | ÷ unprotected (req/s) "
                + "| ÷ MP-JWT (req/s) | MP-JWT CPU ÷ variant CPU |\n|---|---|---|---|---|---|---|---|\n");
        for (Variant variant : options.variants()) {
            List<Measurement> own = of(mix, variant);
            md.append("| ").append(variant.label())
                    .append(" | ").append(column(own, m -> m.wrk().requestsPerSecond(), "%,.0f"))
                    .append(" | ").append(column(own, m -> m.wrk().p50Millis(), "%.2f"))
                    .append(" | ").append(column(own, m -> m.wrk().p99Millis(), "%.2f"))
                    .append(" | ").append(column(own, Measurement::cpuMicrosPerRequest, "%,.0f"))
                    .append(" | ").append(variant == Variant.UNPROTECTED ? "—"
                            : ratios(mix, variant, Variant.UNPROTECTED, m -> m.wrk().requestsPerSecond(), false))
                    .append(" | ").append(variant == Variant.MP_JWT || variant == Variant.UNPROTECTED ? "—"
                            : ratios(mix, variant, Variant.MP_JWT, m -> m.wrk().requestsPerSecond(), false))
                    .append(" | ").append(variant == Variant.MP_JWT || variant == Variant.UNPROTECTED ? "—"
                            : ratios(mix, variant, Variant.MP_JWT, Measurement::cpuMicrosPerRequest, true))
                    .append(" |\n");
        }
        return md.append('\n').toString();
    }

    String raw() {
        StringBuilder md = new StringBuilder("| round | tokens | variant | requests | requests/s | p50 ms | p99 ms "
                + "| CPU µs/request | non-2xx | socket errors | load average before → after |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Measurement m : runs) {
            md.append(String.format(Locale.ROOT, "| %d | %s | %s | %,d | %,.0f | %.2f | %.2f | %,.0f | %d | %d | %s → %s |%n",
                    m.round(), m.mix() == TokenMix.DISTINCT ? Integer.toString(options.tokens()) : "1",
                    m.variant().label(), m.wrk().requests(), m.wrk().requestsPerSecond(), m.wrk().p50Millis(),
                    m.wrk().p99Millis(), m.cpuMicrosPerRequest(), m.wrk().non2xx(), m.wrk().socketErrors(),
                    m.loadBefore(), m.loadAfter()));
        }
        return md.append('\n').toString();
    }

    static String startups(Map<Variant, Duration> verifiers, List<Duration> issuer) {
        StringBuilder md = new StringBuilder("| process | start to first 200 |\n|---|---|\n");
        verifiers.forEach((variant, time) -> md.append("| ").append(variant.label()).append(" app, `/api/hello` | ")
                .append(seconds(time)).append(" |\n"));
        md.append("| issuer, `/.well-known/jwks.json` | ")
                .append(issuer.stream().map(BenchReport::seconds).collect(Collectors.joining(" · "))).append(" |\n");
        return md.append('\n').toString();
    }

    private static String seconds(Duration time) {
        return String.format(Locale.ROOT, "%.1f s", time.toMillis() / 1000.0);
    }

    private List<Measurement> of(TokenMix mix, Variant variant) {
        return runs.stream().filter(m -> m.mix() == mix && m.variant() == variant).toList();
    }

    private static String column(List<Measurement> own, ToDoubleFunction<Measurement> value, String format) {
        List<Double> values = own.stream().mapToDouble(value).boxed().toList();
        return format(median(values), format) + " (" + values.stream().map(v -> format(v, format))
                .collect(Collectors.joining(" · ")) + ")";
    }

    /** Round by round, {@code variant ÷ base} (or {@code base ÷ variant} if inverted), then the median. */
    private String ratios(TokenMix mix, Variant variant, Variant base, ToDoubleFunction<Measurement> value,
                          boolean inverted) {
        List<Double> ratios = new ArrayList<>();
        for (int round = 1; round <= options.rounds(); round++) {
            Measurement a = one(mix, variant, round);
            Measurement b = one(mix, base, round);
            if (a != null && b != null) {
                double r = value.applyAsDouble(a) / value.applyAsDouble(b);
                ratios.add(inverted ? 1 / r : r);
            }
        }
        return format(median(ratios), "%.2f") + "× (" + ratios.stream().map(r -> format(r, "%.2f"))
                .collect(Collectors.joining(" · ")) + ")";
    }

    private Measurement one(TokenMix mix, Variant variant, int round) {
        return runs.stream().filter(m -> m.mix() == mix && m.variant() == variant && m.round() == round)
                .findFirst().orElse(null);
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String format(double value, String format) {
        return String.format(Locale.ROOT, format, value);
    }
}
