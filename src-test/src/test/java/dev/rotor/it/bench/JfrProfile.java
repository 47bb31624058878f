package dev.rotor.it.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The execution samples ({@code jdk.ExecutionSample}) of a JFR recording, summarised: the top leaf frames (where the
 * CPU was), the top Rotor frames counted inclusively (how much ran under each of our methods), and the share under
 * a few frames of the container's security path. Only samples of request threads count: Payara's
 * {@code http-thread-pool} threads.
 */
record JfrProfile(int samples, Map<String, Integer> leaves, Map<String, Integer> rotor, Map<String, Integer> marked,
                  Map<String, Integer> inclusive) {

    /** Frames whose inclusive share tells where a protected request's time goes. */
    static final List<String> MARKERS = List.of(
            "org.apache.catalina.authenticator.AuthenticatorBase.invoke",
            "org.apache.catalina.core.ApplicationFilterChain.doFilter",
            "dev.rotor.filter.authentication.JwtFilter.doFilter",
            "dev.rotor.filter.verification.TokenVerifier.verify",
            "org.apache.catalina.connector.Request.authenticate",
            "dev.rotor.filter.authentication.JwtAuthenticationMechanism.validateRequest",
            "org.glassfish.soteria.mechanisms.jaspic.HttpBridgeServerAuthModule.validateRequest",
            "org.glassfish.soteria.cdi.CdiUtils.jndiLookup",
            "com.sun.web.security.realmadapter.JaspicRealm.validateRequest",
            "fish.payara.microprofile.jwtauth.eesecurity.SignedJWTIdentityStore.validate",
            "fish.payara.microprofile.telemetry.tracing.jaxrs.OpenTelemetryRequestEventListener.onEvent",
            "org.glassfish.jersey.servlet.ServletContainer.service");

    private static final String REQUEST_THREAD = "http-thread-pool";

    static JfrProfile read(Path recording, int top) {
        Map<String, Integer> leaves = new HashMap<>();
        Map<String, Integer> rotor = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> marked = new LinkedHashMap<>();
        MARKERS.forEach(m -> marked.put(m, 0));
        int samples = 0;
        try {
            for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null
                        || !isRequestThread(event)) {
                    continue;
                }
                List<String> frames = event.getStackTrace().getFrames().stream()
                        .filter(RecordedFrame::isJavaFrame).map(JfrProfile::name).toList();
                if (frames.isEmpty()) {
                    continue;
                }
                samples++;
                leaves.merge(frames.get(0), 1, Integer::sum);
                Set<String> distinct = new HashSet<>(frames);
                distinct.forEach(f -> inclusive.merge(f, 1, Integer::sum));
                distinct.stream().filter(f -> f.startsWith("dev.rotor.")).forEach(f -> rotor.merge(f, 1, Integer::sum));
                distinct.stream().filter(marked::containsKey).forEach(f -> marked.merge(f, 1, Integer::sum));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new JfrProfile(samples, topOf(leaves, top), topOf(rotor, top), marked, topOf(inclusive, 400));
    }

    private static boolean isRequestThread(RecordedEvent event) {
        var thread = event.getThread("sampledThread");
        return thread != null && thread.getJavaName() != null && thread.getJavaName().startsWith(REQUEST_THREAD);
    }

    /** The 400 most frequent frames with their inclusive counts, for reading beside the report. */
    String inclusiveText() {
        StringBuilder text = new StringBuilder(samples + " request-thread samples\n");
        inclusive.forEach((frame, count) -> text.append(String.format("%6d %5.1f%% %s%n", count,
                100.0 * count / samples, frame)));
        return text.toString();
    }

    private static String name(RecordedFrame frame) {
        RecordedMethod method = frame.getMethod();
        return method.getType().getName() + "." + method.getName();
    }

    private static Map<String, Integer> topOf(Map<String, Integer> counts, int top) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(top)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    /** Markdown: the share of request-thread samples of each frame. */
    String toMarkdown(String title) {
        StringBuilder md = new StringBuilder("#### " + title + " (" + samples + " request-thread samples)\n\n");
        table(md, "frame under which the request thread was (inclusive)", marked);
        table(md, "top leaf frames", leaves);
        table(md, "top Rotor frames (inclusive)", rotor);
        return md.toString();
    }

    private void table(StringBuilder md, String heading, Map<String, Integer> counts) {
        md.append("| ").append(heading).append(" | samples | share |\n|---|---|---|\n");
        counts.forEach((frame, count) -> md.append("| `").append(frame).append("` | ").append(count).append(" | ")
                .append(samples == 0 ? "–" : String.format("%.1f %%", 100.0 * count / samples)).append(" |\n"));
        md.append('\n');
    }
}
