package dev.rotor.issuer.sessions.control;

/**
 * The Lua scripts that read and change sessions, each atomic. Every script takes ARGV base, now, idle, absolute
 * (milliseconds; {@code now} from the issuer's {@code Clock}), then its own arguments. Expiry is judged from the
 * stored timestamps and {@code now}; Redis TTLs (the remaining absolute lifetime) only clean up.
 * A session's entries are built from its id inside the script, which the shared hash tag keeps on one slot.
 */
final class SessionScripts {

    /**
     * load: a session's subject, clientId, createdAt, lastUsedAt, currentHash, compromised, or nil. A compromised
     * session (its refresh token was replayed) refuses every refresh until it is revoked. remaining: milliseconds until
     * it expires. revoke: deletes it, its current refresh record and its index entry. append: adds rid, subject,
     * clientId, createdAt, lastUsedAt to a reply.
     */
    private static final String PRELUDE = """
            local base, now = ARGV[1], tonumber(ARGV[2])
            local idle, absolute = tonumber(ARGV[3]), tonumber(ARGV[4])
            local function load(rid)
              local s = redis.call('HMGET', base .. 'session:' .. rid,
                'subject', 'clientId', 'createdAt', 'lastUsedAt', 'currentHash', 'compromised')
              if not s[1] then return nil end
              return s
            end
            local function remaining(s)
              return math.min(tonumber(s[3]) + absolute, tonumber(s[4]) + idle) - now
            end
            local function revoke(rid, s)
              local sid = redis.call('HGET', base .. 'session:' .. rid, 'sid')
              if sid then redis.call('SREM', base .. 'linked:' .. sid, rid) end
              redis.call('DEL', base .. 'linked:' .. rid)
              redis.call('DEL', base .. 'session:' .. rid)
              if s[5] then redis.call('DEL', base .. 'refresh:' .. s[5]) end
              redis.call('ZREM', base .. 'user-sessions:' .. s[1], rid)
            end
            local function append(out, rid, s)
              for _, v in ipairs({rid, s[1], s[2], s[3], s[4]}) do table.insert(out, v) end
              return out
            end
            """;

    /**
     * KEYS session, refresh, user-sessions; ARGV[5..12] rid, subject, clientId, token hash, groups (a JSON array),
     * sid (the issuer browser session it is linked to, or empty), bound ({@code 1} if only its client may refresh
     * it), scope (space-separated, or empty). Returns {rid}, or {'no-sid'} if the browser session it should be linked to has ended.
     */
    static final String CREATE = PRELUDE + """
            local sid = ARGV[10]
            if sid ~= '' and redis.call('EXISTS', base .. 'session:' .. sid) == 0 then return {'no-sid'} end
            redis.call('HSET', KEYS[1], 'subject', ARGV[6], 'clientId', ARGV[7],
              'createdAt', ARGV[2], 'lastUsedAt', ARGV[2], 'currentHash', ARGV[8], 'groups', ARGV[9],
              'bound', ARGV[11], 'scope', ARGV[12])
            if sid ~= '' then
              redis.call('HSET', KEYS[1], 'sid', sid)
              redis.call('SADD', base .. 'linked:' .. sid, ARGV[5])
              if redis.call('PTTL', base .. 'linked:' .. sid) < absolute then
                redis.call('PEXPIRE', base .. 'linked:' .. sid, absolute)
              end
            end
            redis.call('PEXPIRE', KEYS[1], absolute)
            redis.call('HSET', KEYS[2], 'rid', ARGV[5], 'state', 'current')
            redis.call('PEXPIRE', KEYS[2], absolute)
            redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now - absolute)
            redis.call('ZADD', KEYS[3], ARGV[2], ARGV[5])
            if redis.call('PTTL', KEYS[3]) < absolute then redis.call('PEXPIRE', KEYS[3], absolute) end
            return {ARGV[5]}
            """;

    /**
     * KEYS presented refresh record; ARGV[5..7] presented hash, new hash, the client that asks (empty for none).
     * A session bound to its client refreshes only for that client, and a client that names itself only refreshes
     * its own sessions: otherwise {'wrong-client'}, and nothing changes. Replies as {@link RotationReply} reads. A
     * used record is kept until the absolute expiry, so a replay is recognised for as long as the session could live.
     * A replay marks the session compromised instead of deleting it: the caller blacklists its access tokens first
     * and then deletes it, and if that fails, every later refresh of the session reports the reuse again, so the
     * revocation is retried rather than forgotten.
     */
    static final String ROTATE = PRELUDE + """
            local record = redis.call('HMGET', KEYS[1], 'rid', 'state')
            if not record[1] then return {'invalid'} end
            local rid = record[1]
            local s = load(rid)
            if not s then return {'invalid'} end
            local bound = redis.call('HGET', base .. 'session:' .. rid, 'bound')
            if (ARGV[7] ~= '' and s[2] ~= ARGV[7]) or (bound == '1' and ARGV[7] == '') then
              return {'wrong-client'}
            end
            if s[6] then return {'reused', rid, s[1]} end
            if remaining(s) <= 0 then
              revoke(rid, s)
              return {'invalid'}
            end
            if record[2] ~= 'current' or s[5] ~= ARGV[5] then
              redis.call('HSET', base .. 'session:' .. rid, 'compromised', ARGV[2])
              return {'reused', rid, s[1]}
            end
            local keep = tonumber(s[3]) + absolute - now
            local fresh = base .. 'refresh:' .. ARGV[6]
            redis.call('HSET', KEYS[1], 'state', 'used')
            redis.call('PEXPIRE', KEYS[1], keep)
            redis.call('HSET', fresh, 'rid', rid, 'state', 'current')
            redis.call('PEXPIRE', fresh, keep)
            redis.call('HSET', base .. 'session:' .. rid, 'lastUsedAt', ARGV[2], 'currentHash', ARGV[6])
            redis.call('PEXPIRE', base .. 'session:' .. rid, keep)
            local groups = redis.call('HGET', base .. 'session:' .. rid, 'groups') or ''
            local scope = redis.call('HGET', base .. 'session:' .. rid, 'scope') or ''
            return {'rotated', rid, s[1], s[2], s[3], groups, scope}
            """;

    /** KEYS session; ARGV[5] rid. Revokes it; returns it if it was live, else {}. */
    static final String REVOKE = PRELUDE + """
            local s = load(ARGV[5])
            if not s then return {} end
            revoke(ARGV[5], s)
            if remaining(s) <= 0 then return {} end
            return append({}, ARGV[5], s)
            """;

    /** KEYS user-sessions. Revokes every session of the subject; returns the live ones, flattened. */
    static final String REVOKE_ALL = PRELUDE + """
            local revoked = {}
            for _, rid in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
              local s = load(rid)
              if s then
                revoke(rid, s)
                if remaining(s) > 0 then append(revoked, rid, s) end
              end
            end
            redis.call('DEL', KEYS[1])
            return revoked
            """;

    /**
     * KEYS user-sessions; ARGV[5..6] offset, limit. Drops dead sessions from the index first, so the total is
     * exact. Returns the total, then the page newest first, flattened.
     */
    static final String LIST = PRELUDE + """
            for _, rid in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
              local s = load(rid)
              if not s then
                redis.call('ZREM', KEYS[1], rid)
              elseif remaining(s) <= 0 then
                revoke(rid, s)
              end
            end
            local page = {tostring(redis.call('ZCARD', KEYS[1]))}
            local first = tonumber(ARGV[5])
            for _, rid in ipairs(redis.call('ZREVRANGE', KEYS[1], first, first + tonumber(ARGV[6]) - 1)) do
              append(page, rid, load(rid))
            end
            return page
            """;

    private SessionScripts() {
    }
}
