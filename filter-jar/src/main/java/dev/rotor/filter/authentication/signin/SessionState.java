package dev.rotor.filter.authentication.signin;

import jakarta.servlet.http.HttpSession;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What browser sign-in keeps in the container's {@code HttpSession}: the tokens once signed in, and up to
 * {@value #MAX_PENDING} sign-ins in progress (one per tab), by {@code state}.
 */
final class SessionState {

    static final String TOKENS = SessionState.class.getName() + ".tokens";
    static final String PENDING = SessionState.class.getName() + ".pending";
    static final String LOCK = SessionState.class.getName() + ".lock";
    static final int MAX_PENDING = 4;

    private SessionState() {
    }

    static BrowserTokens tokens(HttpSession session) {
        return session == null ? null : (BrowserTokens) session.getAttribute(TOKENS);
    }

    /** One object per session to refresh under, so two requests of one browser refresh once. */
    static Object lock(HttpSession session) {
        synchronized (SessionState.class) {
            Object lock = session.getAttribute(LOCK);
            if (lock == null) {
                lock = new Lock();
                session.setAttribute(LOCK, lock);
            }
            return lock;
        }
    }

    @SuppressWarnings("unchecked")
    static void addPending(HttpSession session, PendingSignIn pending) {
        synchronized (lock(session)) {
            Object stored = session.getAttribute(PENDING);
            Pending all = stored instanceof Pending existing ? existing : new Pending();
            all.put(pending.state(), pending);
            session.setAttribute(PENDING, all);
        }
    }

    /** The sign-in with this {@code state}, removed so it is used once; {@code null} if there is none. */
    static PendingSignIn takePending(HttpSession session, String state) {
        synchronized (lock(session)) {
            if (!(session.getAttribute(PENDING) instanceof Pending all)) {
                return null;
            }
            PendingSignIn pending = all.remove(state);
            session.setAttribute(PENDING, all);
            return pending;
        }
    }

    private static final class Lock implements Serializable {
    }

    private static final class Pending extends LinkedHashMap<String, PendingSignIn> {

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PendingSignIn> eldest) {
            return size() > MAX_PENDING;
        }
    }
}
