/**
 * Redis topologies: one way to reach a standalone Redis, a Sentinel-managed master or a Redis Cluster
 * ({@link dev.rotor.filter.redis.RedisConnections}), and the one rule for which Redis failures are outages
 * ({@link dev.rotor.filter.redis.RedisFailures}). The URL that selects a topology is parsed by
 * {@link dev.rotor.filter.configuration.RedisEndpoint}.
 */
package dev.rotor.filter.redis;
