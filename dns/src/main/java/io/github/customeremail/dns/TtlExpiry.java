package io.github.customeremail.dns;

import com.github.benmanes.caffeine.cache.Expiry;
import java.util.function.ToLongBiFunction;

/** Per-entry expiry from the DNS TTL, applied when the lookup completes (or the value is replaced). */
final class TtlExpiry<V> implements Expiry<String, V> {
    private final ToLongBiFunction<V, Long> ttlNanos;

    TtlExpiry(ToLongBiFunction<V, Long> ttlNanos) {
        this.ttlNanos = ttlNanos;
    }

    @Override
    public long expireAfterCreate(String key, V value, long currentTime) {
        return ttlNanos.applyAsLong(value, currentTime);
    }

    @Override
    public long expireAfterUpdate(String key, V value, long currentTime, long currentDuration) {
        return ttlNanos.applyAsLong(value, currentTime);
    }

    @Override
    public long expireAfterRead(String key, V value, long currentTime, long currentDuration) {
        return currentDuration;
    }
}
