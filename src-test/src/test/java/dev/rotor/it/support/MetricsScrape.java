package dev.rotor.it.support;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One scrape of Payara's {@code /metrics} in Prometheus text, read the way Prometheus reads it: every sample line
 * is {@code name[{labels}] value}. Samples of one name with different labels are added up.
 */
public final class MetricsScrape {

    private final Map<String, Double> samples;

    private MetricsScrape(Map<String, Double> samples) {
        this.samples = Map.copyOf(samples);
    }

    /** Scrapes {@code /metrics} at the root of the server that serves {@code base}. */
    public static MetricsScrape of(Http http, URI base) {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/metrics"))
                .timeout(Duration.ofSeconds(10)).header("Accept", "text/plain").GET().build());
        if (response.statusCode() != 200) {
            throw new AssertionError("/metrics answered " + response.statusCode() + ": " + response.body());
        }
        return parse(response.body());
    }

    static MetricsScrape parse(String text) {
        Map<String, Double> samples = new HashMap<>();
        for (String line : text.split("\n")) {
            String sample = line.strip();
            int brace = sample.indexOf('{');
            int space = sample.indexOf(' ');
            if (sample.startsWith("#") || space <= 0) {
                continue;
            }
            boolean labelled = brace > 0 && brace < space;
            String name = sample.substring(0, labelled ? brace : space);
            String rest = labelled ? sample.substring(sample.indexOf('}', brace) + 1) : sample.substring(space);
            samples.merge(name, number(rest.strip().split("\\s+")[0]), Double::sum);
        }
        return new MetricsScrape(samples);
    }

    private static double number(String text) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    public Set<String> names() {
        return new TreeSet<>(samples.keySet());
    }

    public Optional<Double> value(String name) {
        return Optional.ofNullable(samples.get(name));
    }

    /** How much {@code name} grew since {@code before}; a sample missing from either scrape counts as 0. */
    public double since(MetricsScrape before, String name) {
        return value(name).orElse(0.0) - before.value(name).orElse(0.0);
    }
}
