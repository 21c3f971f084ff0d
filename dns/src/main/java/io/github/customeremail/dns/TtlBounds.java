package io.github.customeremail.dns;

import java.util.concurrent.TimeUnit;

/**
 * How long answers are cached: the DNS TTL bounded to {@code [minTtlSeconds, maxTtlSeconds]}, and
 * {@code negativeTtlSeconds} for a negative answer that carried no SOA.
 *
 * @param minTtlSeconds      the shortest time an answer is kept
 * @param maxTtlSeconds      the longest time an answer is kept
 * @param negativeTtlSeconds the TTL of a negative answer without SOA
 */
record TtlBounds(long minTtlSeconds, long maxTtlSeconds, long negativeTtlSeconds) {

    /**
     * @param seconds a TTL from DNS, or a negative value when unknown
     * @return how long to cache the answer, in nanoseconds
     */
    long nanos(long seconds) {
        long s = seconds < 0 ? negativeTtlSeconds : seconds;
        s = Math.max(minTtlSeconds, Math.min(maxTtlSeconds, s));
        return TimeUnit.SECONDS.toNanos(s);
    }
}
