package dev.rotor.issuer.testbed;

import dev.rotor.filter.configuration.RedisEndpoint;
import dev.rotor.filter.configuration.Settings;
import dev.rotor.filter.protocol.JwsAlgorithm;
import dev.rotor.filter.protocol.RedisNames;
import dev.rotor.filter.protocol.RevocationEvent;
import dev.rotor.filter.redis.RedisConnections;
import dev.rotor.issuer.admin.control.UserAdministration;
import dev.rotor.issuer.authorization.control.AuthorizationCodes;
import dev.rotor.issuer.authorization.control.AuthorizationParameters;
import dev.rotor.issuer.authorization.control.Authorizations;
import dev.rotor.issuer.authorization.control.EndSessions;
import dev.rotor.issuer.authorization.control.IdTokenHints;
import dev.rotor.issuer.authorization.control.PendingRequests;
import dev.rotor.issuer.clients.control.ClientRegistry;
import dev.rotor.issuer.clients.control.ClientSettings;
import dev.rotor.issuer.clients.entity.Client;
import dev.rotor.issuer.clients.entity.ClientType;
import dev.rotor.issuer.clients.entity.GrantTypes;
import dev.rotor.issuer.clients.entity.Scopes;
import dev.rotor.issuer.keys.control.RedisPublicKeyRegistry;
import dev.rotor.issuer.keys.control.TokenLifetimes;
import dev.rotor.issuer.keys.entity.KeyStatus;
import dev.rotor.issuer.keys.entity.PublishedKey;
import dev.rotor.issuer.sessions.entity.SessionInfo;
import dev.rotor.issuer.tokens.control.CodeGrant;
import dev.rotor.issuer.tokens.control.IdTokens;
import dev.rotor.issuer.tokens.entity.GrantResult;
import dev.rotor.issuer.browser.control.BrowserLogin;
import dev.rotor.issuer.configuration.IssuerConfig;
import dev.rotor.issuer.keys.control.KeyLifetimes;
import dev.rotor.issuer.keys.control.KeyRing;
import dev.rotor.issuer.keys.entity.SigningKey;
import dev.rotor.issuer.revocation.control.Blacklist;
import dev.rotor.issuer.revocation.control.SessionTermination;
import dev.rotor.issuer.sessions.control.RefreshSessions;
import dev.rotor.issuer.sessions.control.SessionLifetimes;
import dev.rotor.issuer.tokens.control.AccessTokens;
import dev.rotor.issuer.tokens.control.PasswordGrant;
import dev.rotor.issuer.tokens.control.RefreshGrant;
import dev.rotor.issuer.users.control.LoginThrottle;
import dev.rotor.issuer.users.control.PasswordHasher;
import dev.rotor.issuer.users.control.RotorIdentityStore;
import dev.rotor.issuer.users.control.TestHashers;
import dev.rotor.issuer.users.control.ThrottleLimits;
import dev.rotor.issuer.users.control.UserStore;
import dev.rotor.testsupport.MutableClock;
import dev.rotor.testsupport.RedisFixture;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.UnifiedJedis;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The issuer's control layer wired from real instances on a real redis-server of its own, as the container wires
 * it, for tests of what the components do together: grants, session ends, blacklist writes, administration. Before
 * each test Redis is emptied and everything is built anew, with a clock near real time (Redis applies TTLs in real
 * time) and a published RS256 key.
 *
 * <pre>{@code @RegisterExtension static final IssuerTestBed bed = new IssuerTestBed();}</pre>
 */
public final class IssuerTestBed implements BeforeEachCallback, AfterEachCallback, AfterAllCallback {

    public static final Duration ACCESS_TTL = Duration.ofMinutes(15);
    public static final Duration LEEWAY = Duration.ofSeconds(30);

    private static final PasswordHasher HASHER = TestHashers.cheap();

    private final RedisFixture redis = RedisFixture.start();
    private RedisConnections connections;
    private UnifiedJedis client;
    private MutableClock clock;
    private IssuerConfig config;
    private RecordingEvents events;
    private KeyRing keys;
    private RefreshSessions sessions;
    private SessionTermination termination;
    private UserStore users;
    private AccessTokens accessTokens;
    private PasswordGrant passwords;
    private RefreshGrant refreshes;
    private ClientRegistry clients;
    private IdTokens idTokens;
    private CodeGrant codes;
    private Authorizations authorizations;
    private EndSessions endSessions;

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!redis.isRunning()) {
            redis.restart();
        }
        connections = RedisEndpoint.loopback(redis.port()).connect();
        client = connections.client();
        client.flushAll();
        clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        config = IssuerConfig.from(Settings.from(key -> Optional.ofNullable(Map.of(
                IssuerConfig.ISSUER, "https://issuer.example",
                IssuerConfig.REDIS_URL, redis.uri().toString(),
                IssuerConfig.ACCESS_TTL, ACCESS_TTL.toString(),
                IssuerConfig.LEEWAY, LEEWAY.toString()).get(key))));
        events = new RecordingEvents();
        keys = new KeyRing();
        keys.install(SigningKey.generate(JwsAlgorithm.RS256, clock.instant()),
                SigningKey.generate(JwsAlgorithm.RS256, clock.instant()), clock.instant(), new KeyLifetimes(Duration.ofHours(1), Duration.ofSeconds(30), ACCESS_TTL, LEEWAY));
        String prefix = config.redisNames().prefix();
        sessions = new RefreshSessions(connections, prefix, new SessionLifetimes(Duration.ofHours(1), Duration.ofHours(3)),
                clock);
        RedisPublicKeyRegistry registry = new RedisPublicKeyRegistry(connections, prefix);
        registry.publish(List.of(new PublishedKey(keys.active().publicKey(), KeyStatus.ACTIVE, "test-instance", null,
                clock.instant().plus(Duration.ofHours(1)), ACCESS_TTL.plus(LEEWAY))), clock.instant());
        termination = new SessionTermination(sessions, new Blacklist(connections, config,
                new TokenLifetimes(registry, config), clock, events));
        users = new UserStore(connections, prefix, HASHER, clock);
        accessTokens = new AccessTokens(keys, config, clock, events);
        RotorIdentityStore identities = new RotorIdentityStore(users, HASHER);
        IdentityStoreHandler handler = identities::validate;
        passwords = new PasswordGrant(handler, new LoginThrottle(connections, prefix, new ThrottleLimits(3, 10,
                Duration.ofMinutes(1))), sessions, accessTokens, events);
        refreshes = new RefreshGrant(sessions, users, accessTokens, termination, events);
        clients = new ClientRegistry(connections, prefix, new ClientSettings(List.of(), true));
        idTokens = new IdTokens(keys, config, clock);
        codes = new CodeGrant(new AuthorizationCodes(connections, prefix), sessions, termination, users, accessTokens,
                idTokens);
        authorizations = new Authorizations(new AuthorizationParameters(clients::find),
                new PendingRequests(connections, prefix), new AuthorizationCodes(connections, prefix), sessions,
                config.issuer().toString(), clock);
        endSessions = new EndSessions(clients, new IdTokenHints(registry, config.issuer().toString(), clock),
                termination);
    }

    /** A registered client; a confidential one's secret is in the answer. */
    public ClientRegistry.Registered client(String clientId, ClientType type, String... redirectUris) {
        return clients.register(new Client(clientId, type, type == ClientType.CONFIDENTIAL
                ? "0123456789012345678901234567890123456789abc" : null, List.of(redirectUris),
                List.of("https://" + clientId + ".example/bye"), GrantTypes.DEFAULT, Scopes.DEFAULT, false))
                .orElseThrow();
    }

    /** Signs {@code username} in with the login form; the browser's issuer session. */
    public SessionInfo signIn(String username) {
        GrantResult.Granted granted = (GrantResult.Granted) browserLogin().login(username, password(username),
                "127.0.0.1", Optional.empty());
        return sessions.holderOf(granted.tokens().refreshToken()).orElseThrow();
    }

    public ClientRegistry clients() {
        return clients;
    }

    public CodeGrant codes() {
        return codes;
    }

    public Authorizations authorizations() {
        return authorizations;
    }

    public EndSessions endSessions() {
        return endSessions;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        acceptBlacklistWrites();
        connections.close();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        redis.close();
    }

    /** Creates a user whose password is {@code password(username)}. */
    public void user(String username, String... groups) {
        users.create(username, password(username).toCharArray(), Set.of(groups));
    }

    public String password(String username) {
        return "pw-" + username;
    }

    /** Whether the blacklist holds an entry for {@code value}, as every verifier's mirror would load it. */
    public boolean blacklisted(RevocationEvent.Type type, String value) {
        return client.exists(names().blacklistKey(type, value));
    }

    /**
     * From now on Redis refuses every command on a blacklist key (an ACL on the default user), as if that one write
     * failed, until {@link #acceptBlacklistWrites()}.
     */
    public void refuseBlacklistWrites() {
        String prefix = names().prefix();
        client.sendCommand(Protocol.Command.ACL, "SETUSER", "default", "resetkeys",
                "~" + prefix + "{*", "~" + prefix + "throttle:*");
    }

    public void acceptBlacklistWrites() {
        client.sendCommand(Protocol.Command.ACL, "SETUSER", "default", "allkeys");
    }

    /** The clock's time in epoch seconds, rounded up: the not-before of a subject revocation made now. */
    public long secondsRoundedUp() {
        Instant now = clock.instant();
        return now.getNano() == 0 ? now.getEpochSecond() : now.getEpochSecond() + 1;
    }

    public RedisNames names() {
        return config.redisNames();
    }

    public RedisFixture redis() {
        return redis;
    }

    public RedisConnections connections() {
        return connections;
    }

    public UnifiedJedis client() {
        return client;
    }

    public MutableClock clock() {
        return clock;
    }

    public IssuerConfig config() {
        return config;
    }

    public RecordingEvents events() {
        return events;
    }

    public RefreshSessions sessions() {
        return sessions;
    }

    public SessionTermination termination() {
        return termination;
    }

    public UserStore users() {
        return users;
    }

    public AccessTokens accessTokens() {
        return accessTokens;
    }

    public PasswordGrant passwords() {
        return passwords;
    }

    public RefreshGrant refreshes() {
        return refreshes;
    }

    public BrowserLogin browserLogin() {
        return new BrowserLogin(passwords, termination);
    }

    public UserAdministration administration() {
        return new UserAdministration(users, termination);
    }
}
