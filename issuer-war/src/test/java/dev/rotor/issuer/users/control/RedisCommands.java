package dev.rotor.issuer.users.control;

import dev.rotor.filter.configuration.RedisEndpoint;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.UnifiedJedis;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

/** Which commands the Redis server has run since the last reset, from {@code INFO commandstats}. */
final class RedisCommands {

    private RedisCommands() {
    }

    static void reset(int port) {
        try (Jedis connection = RedisEndpoint.loopback(port).connection(Duration.ofSeconds(5))) {
            connection.configResetStat();
        }
    }

    /** Every command run since {@link #reset}, except the ones that reset and read the statistics. */
    static Set<String> runSinceReset(UnifiedJedis redis) {
        return redis.info("commandstats").lines()
                .filter(line -> line.startsWith("cmdstat_"))
                .map(line -> line.substring("cmdstat_".length(), line.indexOf(':')))
                .filter(command -> !command.equals("info") && !command.startsWith("config"))
                .collect(Collectors.toSet());
    }
}
