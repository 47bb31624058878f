package dev.rotor.filter.redis;

/** How Redis is deployed, as selected by the scheme of its URL. */
public enum RedisTopology {
    /** One server: {@code redis://} or {@code rediss://}. */
    STANDALONE,
    /** A master found through Sentinel: {@code redis-sentinel://} or {@code rediss-sentinel://}. */
    SENTINEL,
    /** A Redis Cluster: {@code redis-cluster://} or {@code rediss-cluster://}. */
    CLUSTER
}
