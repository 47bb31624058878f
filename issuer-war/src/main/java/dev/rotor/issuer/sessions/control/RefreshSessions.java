package dev.rotor.issuer.sessions.control;

import dev.rotor.filter.redis.RedisConnections;
import dev.rotor.issuer.availability.RedisUnavailableException;
import dev.rotor.issuer.configuration.IssuerConfig;
import dev.rotor.issuer.sessions.entity.IssuedSession;
import dev.rotor.issuer.sessions.entity.NewSession;
import dev.rotor.issuer.sessions.entity.RotationResult;
import dev.rotor.issuer.sessions.entity.SessionInfo;
import dev.rotor.issuer.sessions.entity.SessionPage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Refresh-token sessions (families) in Redis. A refresh token is used once: rotating it marks it used and issues
 * the next, and presenting a used one again revokes the whole session (RFC 9700 §4.14). Every change is one Lua
 * script, so 20 parallel refreshes of one token give exactly one new token. Redis failures surface as
 * {@link RedisUnavailableException}; malformed input is answered as unknown without asking Redis.
 */
@ApplicationScoped
public class RefreshSessions {

    private static final Logger LOG = Logger.getLogger(RefreshSessions.class.getName());
    private static final int MAX_PAGE = 100;

    private final SessionStore store;
    private final SessionKeys keys;
    private final SessionLifetimes lifetimes;
    private final SessionReplies replies;
    private final OpaqueTokens tokens;
    private final Clock clock;

    @Inject
    public RefreshSessions(RedisConnections redis, IssuerConfig config, SessionLifetimes lifetimes, Clock clock) {
        this(redis, config.redisNames().prefix(), lifetimes, clock);
    }

    public RefreshSessions(RedisConnections redis, String prefix, SessionLifetimes lifetimes, Clock clock) {
        this.keys = SessionKeys.under(prefix);
        this.store = new SessionStore(redis, keys, lifetimes);
        this.lifetimes = lifetimes;
        this.replies = new SessionReplies(lifetimes);
        this.tokens = new OpaqueTokens();
        this.clock = clock;
    }

    protected RefreshSessions() {
        this.store = null;
        this.keys = null;
        this.lifetimes = null;
        this.replies = null;
        this.tokens = null;
        this.clock = null;
    }

    /**
     * Starts a session. {@code clientId} may be empty or {@code null}. {@code groups} are the caller's groups at
     * login, kept for callers whose identity store cannot be asked again at refresh.
     */
    public IssuedSession create(String subject, String clientId, Set<String> groups) {
        return create(new NewSession(newRid(), subject, clientId, groups, null, false)).orElseThrow();
    }

    /**
     * Starts a session as {@code session} describes it.
     *
     * @return empty if it was to be linked to a browser session that has ended meanwhile; nothing is stored then
     */
    public Optional<IssuedSession> create(NewSession session) {
        String client = session.clientId() == null ? "" : session.clientId();
        String sid = session.sid() == null ? "" : session.sid();
        if (!SessionInputs.isSubject(session.subject()) || !SessionInputs.isClientId(client)
                || !SessionInputs.isRid(session.rid()) || !(sid.isEmpty() || SessionInputs.isRid(sid))) {
            throw new IllegalArgumentException("subject, client id, rid or sid is malformed");
        }
        String token = tokens.newRefreshToken();
        String hash = OpaqueTokens.hash(token);
        Instant now = now();
        List<String> reply = store.run(SessionScripts.CREATE, List.of(keys.session(session.rid()), keys.refresh(hash),
                keys.userSessions(session.subject())), now, session.rid(), session.subject(), client, hash,
                SessionGroups.write(session.groups()), sid, session.bound() ? "1" : "0",
                String.join(" ", new java.util.TreeSet<>(session.scopes())));
        if (!session.rid().equals(reply.get(0))) {
            return Optional.empty();
        }
        return Optional.of(new IssuedSession(session.rid(), token, lifetimes.expiry(now, now)));
    }

    /** A new session id, for a caller that must record it before the session exists (an authorization code). */
    public String newRid() {
        return tokens.newRid();
    }

    /** The sessions linked to the browser session {@code sid}: every app session that signing in there created. */
    public Set<String> linkedTo(String sid) {
        return SessionInputs.isRid(sid) ? store.linked(sid) : Set.of();
    }

    /** The groups a session was opened with, or empty when it is gone. */
    public Set<String> groupsOf(String rid) {
        return SessionInputs.isRid(rid) ? SessionGroups.read(store.groups(rid)) : Set.of();
    }

    public RotationResult rotate(String presentedRefreshToken) {
        return rotate(presentedRefreshToken, null);
    }

    /**
     * Rotates a refresh token for {@code clientId}, the client that asks; {@code null} when the request named none.
     * A session issued to an authenticated client refreshes only for that client.
     */
    public RotationResult rotate(String presentedRefreshToken, String clientId) {
        String client = clientId == null ? "" : clientId;
        if (!SessionInputs.isToken(presentedRefreshToken) || !SessionInputs.isClientId(client)) {
            return RotationResult.INVALID;
        }
        String presented = OpaqueTokens.hash(presentedRefreshToken);
        String next = tokens.newRefreshToken();
        Instant now = now();
        List<String> reply = store.run(SessionScripts.ROTATE, List.of(keys.refresh(presented)), now,
                presented, OpaqueTokens.hash(next), client);
        RotationResult result = RotationReply.decode(reply, next, lifetimes, now);
        if (result instanceof RotationResult.Reused reused) {
            LOG.log(Level.WARNING, "ROTOR-T101 refresh-token reuse detected: session {0} of {1} is compromised",
                    new Object[] {reused.rid(), reused.subject()});
        }
        return result;
    }

    /** The session a current or used refresh token belongs to, whether or not it is still live. */
    public Optional<String> ridOf(String refreshToken) {
        if (!SessionInputs.isToken(refreshToken)) {
            return Optional.empty();
        }
        return Optional.ofNullable(store.refreshRecord(OpaqueTokens.hash(refreshToken)).get(0));
    }

    /** Whether {@code rid} names a stored session, live, expired or compromised. */
    public boolean exists(String rid) {
        return SessionInputs.isRid(rid) && store.exists(rid);
    }

    /**
     * Deletes one session, so it can no longer refresh. Its access tokens stay valid until they expire: to end a
     * session, use {@code SessionTermination}, which blacklists them first. Empty when {@code rid} names no live
     * session.
     */
    public Optional<SessionInfo> delete(String rid) {
        if (!SessionInputs.isRid(rid)) {
            return Optional.empty();
        }
        return single(store.run(SessionScripts.REVOKE, List.of(keys.session(rid)), now(), rid));
    }

    /** Deletes every session of {@code subject}, as {@link #delete} does one. Returns the live ones deleted. */
    public List<SessionInfo> deleteAllOf(String subject) {
        if (!SessionInputs.isSubject(subject)) {
            return List.of();
        }
        List<SessionInfo> revoked = replies.sessions(
                store.run(SessionScripts.REVOKE_ALL, List.of(keys.userSessions(subject)), now()), 0);
        LOG.log(Level.INFO, "ROTOR-T102 deleted {0} sessions of {1}", new Object[] {revoked.size(), subject});
        return revoked;
    }

    /**
     * The live session that {@code refreshToken} is the current token of, read without rotating it: for pages that
     * only need to know who is signed in. A used token names no session here.
     */
    public Optional<SessionInfo> holderOf(String refreshToken) {
        if (!SessionInputs.isToken(refreshToken)) {
            return Optional.empty();
        }
        List<String> record = store.refreshRecord(OpaqueTokens.hash(refreshToken));
        return record.get(0) != null && "current".equals(record.get(1)) ? find(record.get(0)) : Optional.empty();
    }

    public Optional<SessionInfo> find(String rid) {
        if (!SessionInputs.isRid(rid)) {
            return Optional.empty();
        }
        List<String> fields = store.fields(rid);
        if (fields.contains(null)) {
            return Optional.empty();
        }
        SessionInfo info = replies.info(rid, fields.get(0), fields.get(1), fields.get(2), fields.get(3));
        return info.expiresAt().isAfter(now()) ? Optional.of(info) : Optional.empty();
    }

    /** A page of the subject's live sessions, newest first; {@code limit} is capped at 100. */
    public SessionPage list(String subject, int offset, int limit) {
        int from = Math.max(0, offset);
        int size = Math.max(1, Math.min(MAX_PAGE, limit));
        if (!SessionInputs.isSubject(subject)) {
            return SessionPage.empty(from, size);
        }
        List<String> reply = store.run(SessionScripts.LIST, List.of(keys.userSessions(subject)), now(),
                Integer.toString(from), Integer.toString(size));
        return new SessionPage(replies.sessions(reply, 1), from, size, Long.parseLong(reply.get(0)));
    }

    private Instant now() {
        return Instant.ofEpochMilli(clock.millis());
    }

    private Optional<SessionInfo> single(List<String> reply) {
        return replies.sessions(reply, 0).stream().findFirst();
    }
}
