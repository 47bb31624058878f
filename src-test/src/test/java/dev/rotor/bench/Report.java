package dev.rotor.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The run's figures as Markdown: every measurement with its load averages, the medians and the ratios. */
final class Report {

    private final List<String> lines = new ArrayList<>();

    Report(Instant started, String machine) {
        lines.add("# Issuance benchmark, " + started);
        lines.add("");
        lines.add("Machine: " + machine + "; load average (1/5/15 min) at the start: " + LoadAverage.now());
    }

    void inProcess(List<Measured> results) {
        lines.add("");
        lines.add("## In-process (JMH, one fork per variant and round; operations/s)");
        lines.add("");
        table(results);
        ratios(results, "refreshGrant", "javaJwtSign", "refresh grant ÷ java-jwt RS256 sign (target ≥ 0.6)");
        ratios(results, "accessTokenOnly", "javaJwtSign", "Rotor's access token alone ÷ java-jwt RS256 sign");
    }

    void overHttp(List<Measured> results, List<String> notes, int clients) {
        lines.add("");
        lines.add("## Over HTTP (" + clients + " client threads, one connection each; grants/s)");
        lines.add("");
        notes.forEach(note -> lines.add("- " + note));
        lines.add("");
        table(results);
        ratios(results, "Rotor refresh", "Keycloak refresh", "Rotor ÷ Keycloak, refresh grants");
        ratios(results, "Rotor password, PBKDF2-HMAC-SHA256 600,000", "Keycloak password, pbkdf2-sha256 600,000",
                "Rotor ÷ Keycloak, password grants, both PBKDF2-SHA256 600,000");
        ratios(results, "Rotor password, PBKDF2-HMAC-SHA256 600,000", "Keycloak password, its default hashing",
                "Rotor ÷ Keycloak, password grants, each with its default hashing");
    }

    void failure(String part, List<String> notes, Exception e) {
        lines.add("");
        lines.add("## " + part + ": not measured");
        lines.add("");
        notes.forEach(note -> lines.add("- " + note));
        lines.add("- failed: `" + e + "`");
    }

    String text() {
        return String.join("\n", lines) + "\n";
    }

    private void table(List<Measured> results) {
        lines.add("| round | variant | per second | detail | load before → after |");
        lines.add("|---|---|---|---|---|");
        for (Measured result : results) {
            lines.add(String.format("| %d | %s | %,.1f | %s | %s → %s |", result.round(), result.variant(),
                    result.perSecond(), result.detail(), result.before().one(), result.after().one()));
        }
        lines.add("");
        lines.add("| variant | median | rounds |");
        lines.add("|---|---|---|");
        for (String variant : variants(results)) {
            List<Double> scores = scores(results, variant);
            lines.add(String.format("| %s | %,.1f | %s |", variant, median(scores),
                    String.join(" · ", scores.stream().map(score -> String.format("%,.1f", score)).toList())));
        }
        lines.add("");
    }

    private void ratios(List<Measured> results, String numerator, String denominator, String title) {
        List<Double> ratios = new ArrayList<>();
        for (Measured top : results) {
            if (top.variant().equals(numerator)) {
                find(results, denominator, top.round()).filter(bottom -> bottom.perSecond() > 0)
                        .ifPresent(bottom -> ratios.add(top.perSecond() / bottom.perSecond()));
            }
        }
        if (!ratios.isEmpty()) {
            lines.add(String.format("- %s: median %.2f (rounds: %s)", title, median(ratios),
                    String.join(" · ", ratios.stream().map(ratio -> String.format("%.2f", ratio)).toList())));
        }
    }

    private static Optional<Measured> find(List<Measured> results, String variant, int round) {
        return results.stream().filter(result -> result.variant().equals(variant) && result.round() == round)
                .findFirst();
    }

    private static Set<String> variants(List<Measured> results) {
        Set<String> variants = new LinkedHashSet<>();
        results.forEach(result -> variants.add(result.variant()));
        return variants;
    }

    private static List<Double> scores(List<Measured> results, String variant) {
        return results.stream().filter(result -> result.variant().equals(variant)).map(Measured::perSecond).toList();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted(Comparator.naturalOrder()).toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
