package dev.rotor.filter.configuration;

import dev.rotor.filter.redis.RedisTopology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.HostAndPort;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedisEndpointTest {

    private static final String KEY = "rotor.redis.url";

    @Test
    void aStandaloneUrlKeepsItsCredentialsAndDatabase() {
        RedisUrl url = RedisUrlParser.parse(KEY, "redis://alice:s3cret@redis.example:6380/2");

        assertEquals(RedisTopology.STANDALONE, url.topology());
        assertFalse(url.tls());
        assertEquals("alice", url.user());
        assertEquals("s3cret", url.password());
        assertEquals(List.of(new HostAndPort("redis.example", 6380)), url.hosts());
        assertEquals(2, url.database());
    }

    @Test
    void aPasswordAloneLogsInAsTheDefaultUserAndEscapesAreDecoded() {
        RedisUrl url = RedisUrlParser.parse(KEY, "rediss://:p%40ss%3Aw%2Frd+x@10.0.0.1:6379");

        assertTrue(url.tls());
        assertNull(url.user());
        assertEquals("p@ss:w/rd+x", url.password());
    }

    @Test
    void aClusterUrlListsItsSeedNodesOnce() {
        RedisUrl url = RedisUrlParser.parse(KEY, "rediss-cluster://app:pw@n1:7000,n2:7001,[::1]:7002,n1:7000");

        assertEquals(RedisTopology.CLUSTER, url.topology());
        assertTrue(url.tls());
        assertEquals(List.of(new HostAndPort("n1", 7000), new HostAndPort("n2", 7001), new HostAndPort("::1", 7002)),
                url.hosts());
        assertEquals("app", url.user());
    }

    @Test
    void aSentinelUrlNamesTheMasterAndMayLogInToTheSentinelsSeparately() {
        RedisUrl url = RedisUrlParser.parse(KEY,
                "redis-sentinel://app:pw@my-master.1@s1:26379,s2:26380/3?sentinel-user=watch&sentinel-password=w%26p");

        assertEquals(RedisTopology.SENTINEL, url.topology());
        assertEquals("my-master.1", url.masterName());
        assertEquals(List.of(new HostAndPort("s1", 26379), new HostAndPort("s2", 26380)), url.hosts());
        assertEquals(3, url.database());
        assertEquals("app", url.user());
        assertEquals("pw", url.password());
        assertEquals("watch", url.sentinelUser());
        assertEquals("w&p", url.sentinelPassword());
    }

    @Test
    void aSentinelUrlWithoutCredentialsLogsInNowhere() {
        RedisUrl url = RedisUrlParser.parse(KEY, "REDIS-SENTINEL://mymaster@s1:26379");

        assertEquals("mymaster", url.masterName());
        assertNull(url.user());
        assertNull(url.password());
        assertNull(url.sentinelPassword());
        assertEquals(0, url.database());
    }

    @Test
    void toStringNeverShowsAUserOrPassword() {
        String shown = RedisEndpoint.parse(KEY,
                "rediss-sentinel://app:hunter2@m@s1:1,s2:2/1?sentinel-password=hunter3").toString();

        assertEquals("rediss-sentinel://***@m@s1:1,s2:2/1?sentinel-auth=***", shown);
        assertEquals("redis-cluster://***@[::1]:7000", RedisEndpoint.parse(KEY, "redis-cluster://:x@[::1]:7000")
                .toString());
        assertEquals("redis://127.0.0.1:6379", RedisEndpoint.loopback(6379).toString());
    }

    @Test
    void theTopologyFollowsTheScheme() {
        assertEquals(RedisTopology.STANDALONE, RedisEndpoint.parse(KEY, "rediss://h:1").topology());
        assertEquals(RedisTopology.CLUSTER, RedisEndpoint.parse(KEY, "redis-cluster://h:1").topology());
        assertEquals(RedisTopology.SENTINEL, RedisEndpoint.parse(KEY, "redis-sentinel://m@h:1").topology());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "localhost:6379",
            "http://localhost:6379",
            "redis:/localhost:6379",
            "redis-clusters://h:1",
            "redis://",
            "redis://localhost",
            "redis://localhost:",
            "redis://:6379",
            "redis://localhost:0",
            "redis://localhost:65536",
            "redis://localhost:99999999999999999999",
            "redis://localhost:-1",
            "redis://localhost:63 79",
            "redis://local host:6379",
            " redis://localhost:6379",
            "redis://localhost:6379\n",
            "redis://localhost:6379\u0000",
            "redis://lócalhost:6379",
            "redis://-bad:6379",
            "redis://a:1,b:2",
            "redis://h:1/db",
            "redis://h:1/100",
            "redis://h:1/0/1",
            "redis://h:1?timeout=5",
            "redis://h:1#x",
            "redis://user@h:1",
            "redis://user:@h:1",
            "redis://u:%zz@h:1",
            "redis://[::1:6379",
            "redis://[]:6379",
            "redis://[::1]6379",
            "redis-cluster://",
            "redis-cluster://h:1,",
            "redis-cluster://,h:1",
            "redis-cluster://h:1,,h:2",
            "redis-cluster://h:1/1",
            "redis-cluster://h:1?sentinel-password=x",
            "redis-sentinel://h:1,h:2",
            "redis-sentinel://@h:1",
            "redis-sentinel://u:p@h:1",
            "redis-sentinel://bad*name@h:1",
            "redis-sentinel://m@",
            "redis-sentinel://m@h:1?sentinel-user=u",
            "redis-sentinel://m@h:1?sentinel-password=",
            "redis-sentinel://m@h:1?sentinel-password=a&sentinel-password=b",
            "redis-sentinel://m@h:1?other=1",
            "redis-sentinel://m@h:1?sentinel-password"
    })
    void malformedUrlsAreRefusedNamingTheSetting(String text) {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> RedisEndpoint.parse(KEY, text));

        assertEquals(KEY, e.key());
        assertTrue(e.getMessage().contains("ROTOR_REDIS_URL"), e.getMessage());
    }

    @Test
    void aMessageNeverRepeatsTheValueItRefuses() {
        String secret = "hunter2-the-password";
        for (String text : List.of("redis://u:" + secret + "@h", "redis-sentinel://u:" + secret + "@h:1",
                "redis://u:" + secret + "@h:1?x=" + secret, "redis://u:" + secret + " @h:1")) {
            InvalidSettingException e = assertThrows(InvalidSettingException.class,
                    () -> RedisEndpoint.parse(KEY, text));
            assertFalse(e.getMessage().contains(secret), e.getMessage());
        }
    }

    @Test
    void hugeValuesAreRefusedWithoutParsingThem() {
        String tenKilobytes = "redis-cluster://" + "h:1,".repeat(2500) + "h:1";
        String manyHosts = "redis-cluster://" + "h:1,".repeat(RedisHostList.MAX_HOSTS) + "h:1";
        String longPassword = "redis://u:" + "p".repeat(10_000) + "@h:1";

        for (String text : List.of(tenKilobytes, manyHosts, longPassword)) {
            InvalidSettingException e = assertThrows(InvalidSettingException.class,
                    () -> RedisEndpoint.parse(KEY, text));
            assertTrue(e.getMessage().length() < 300, e.getMessage());
        }
    }

    @Test
    void sixtyFourSeedNodesAreEnough() {
        String hosts = String.join(",", java.util.stream.IntStream.range(1, 65).mapToObj(i -> "h" + i + ":1")
                .toList());

        assertEquals(64, RedisUrlParser.parse(KEY, "redis-cluster://" + hosts).hosts().size());
    }
}
