package dev.rotor.issuer.testbed;

import dev.rotor.issuer.operations.control.SecurityEvents;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The security events, in the order they happened. */
public final class RecordingEvents implements SecurityEvents {

    private final List<String> events = new CopyOnWriteArrayList<>();

    public List<String> events() {
        return List.copyOf(events);
    }

    public long count(String event) {
        return events.stream().filter(event::equals).count();
    }

    @Override
    public void tokenIssued() {
        events.add("tokenIssued");
    }

    @Override
    public void refreshed() {
        events.add("refreshed");
    }

    @Override
    public void reuseDetected() {
        events.add("reuseDetected");
    }

    @Override
    public void revoked() {
        events.add("revoked");
    }

    @Override
    public void loginFailed() {
        events.add("loginFailed");
    }

    @Override
    public void loginThrottled() {
        events.add("loginThrottled");
    }
}
