package dev.rotor.it.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What one wrk run reported, read from its {@code --latency} output. */
record WrkResult(long requests, double seconds, double requestsPerSecond, double p50Millis, double p99Millis,
                 long non2xx, long socketErrors, String output) {

    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in ([\\d.]+)(us|ms|s|m)");
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    static WrkResult parse(String output) {
        Matcher total = find(TOTAL, output);
        Matcher rate = find(RATE, output);
        Matcher non2xx = NON_2XX.matcher(output);
        Matcher socket = SOCKET.matcher(output);
        long errors = 0;
        if (socket.find()) {
            for (int group = 1; group <= 4; group++) {
                errors += Long.parseLong(socket.group(group));
            }
        }
        return new WrkResult(Long.parseLong(total.group(1)), millis(total.group(2), total.group(3)) / 1000,
                Double.parseDouble(rate.group(1)), percentile(output, "50%"), percentile(output, "99%"),
                non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0, errors, output);
    }

    private static double percentile(String output, String label) {
        Matcher m = find(Pattern.compile("\\s" + label + "\\s+([\\d.]+)(us|ms|s|m)\\b"), output);
        return millis(m.group(1), m.group(2));
    }

    private static double millis(String value, String unit) {
        double v = Double.parseDouble(value);
        return switch (unit) {
            case "us" -> v / 1000;
            case "ms" -> v;
            case "s" -> v * 1000;
            case "m" -> v * 60_000;
            default -> throw new IllegalArgumentException(unit);
        };
    }

    private static Matcher find(Pattern pattern, String output) {
        Matcher m = pattern.matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("wrk output without " + pattern + ":\n" + output);
        }
        return m;
    }
}
