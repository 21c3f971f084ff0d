package io.github.customeremail.dns;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.customeremail.MailDomainStatus;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiFunction;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * The statuses of domains, cached for their DNS TTL in a Caffeine {@link AsyncCache}, with at most one
 * {@link MailDomainResolution} in flight per domain, each bounded by a hard deadline kept by this class's own
 * scheduler thread (dnsjava checks its timeouts only about once a second). Undecided lookups are cached for the
 * short indeterminate TTL only (never when it is zero), so that a slow domain costs one deadline, not one per check.
 */
final class DomainStatusCache {

    private final MailDomainResolution resolution;
    private final MailHostAddresses hosts;
    private final AsyncCache<String, Cached> domains;
    private final ConcurrentMap<String, CompletableFuture<Cached>> domainMap;
    private final BiFunction<String, Executor, CompletableFuture<Cached>> domainLoader = this::loadDomain;
    private final ScheduledThreadPoolExecutor scheduler;
    private final long deadlineNanos;
    private final long indeterminateTtlNanos;
    private final TtlBounds ttl;
    private final Ticker ticker;
    /** {@code null} when none is configured. */
    private final LookupListener lookupListener;
    private final Executor executor;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** The scheduler's threads, joined by {@link #close()}. */
    private final Set<Thread> schedulerThreads = ConcurrentHashMap.newKeySet();

    final LongAdder hits = new LongAdder();
    final LongAdder misses = new LongAdder();
    final LongAdder lookups = new LongAdder();
    final LongAdder timeouts = new LongAdder();
    final LongAdder failures = new LongAdder();

    DomainStatusCache(MailDomainResolution resolution, MailHostAddresses hosts, Duration deadline,
                      Duration indeterminateTtl, TtlBounds ttl, long maximumSize, Ticker ticker, Executor executor,
                      LookupListener lookupListener) {
        this.resolution = resolution;
        this.hosts = hosts;
        this.deadlineNanos = deadline.toNanos();
        this.indeterminateTtlNanos = indeterminateTtl.toNanos();
        this.ttl = ttl;
        this.ticker = ticker;
        this.lookupListener = lookupListener;
        this.executor = executor;
        this.scheduler = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "customer-email-dns-deadline");
            t.setDaemon(true);
            schedulerThreads.add(t);
            return t;
        });
        this.scheduler.setRemoveOnCancelPolicy(true);
        this.domains = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfter(new TtlExpiry<Cached>(Cached::remainingNanos))
                .ticker(ticker)
                .executor(executor)
                .recordStats()
                .buildAsync();
        this.domainMap = domains.asMap();
    }

    /**
     * @param key a domain in lower-case ASCII, without trailing dot
     * @return its status: a cached answer at once, without allocation, or the lookup's; never exceptionally
     */
    CompletableFuture<MailDomainStatus> check(String key) {
        CompletableFuture<Cached> cached = domainMap.get(key);
        if (cached != null && cached.isDone()) {
            if (!cached.isCompletedExceptionally()) {
                hits.increment();
                return cached.join().future();
            }
            domainMap.remove(key, cached); // a failure not yet dropped by Caffeine: never serve it
        }
        if (closed.get()) {
            return CompletableFuture.completedFuture(new MailDomainStatus.Indeterminate("checker closed"));
        }
        misses.increment();
        CompletableFuture<Cached> pending;
        try {
            pending = domains.get(key, domainLoader);
        } catch (RuntimeException e) {
            failures.increment();
            return CompletableFuture.completedFuture(
                    new MailDomainStatus.Indeterminate("internal error: " + e.getClass().getSimpleName()));
        }
        if (pending instanceof LookupFuture lookup) {
            return lookup.visible;
        }
        return pending.handle(DomainStatusCache::statusOf);
    }

    private static MailDomainStatus statusOf(Cached c, Throwable error) {
        return c != null ? c.status() : indeterminate(error);
    }

    /**
     * The cache's future of one lookup, plus the future its callers see. {@code visible} is the first dependent
     * registered, before Caffeine's own completion callback; {@code CompletableFuture} runs dependents last-in
     * first-out, so callers are woken only after Caffeine has set the entry's expiry and weight. A caller that
     * checks again right after its answer therefore finds the entry in its final state.
     */
    private static final class LookupFuture extends CompletableFuture<Cached> {
        final CompletableFuture<MailDomainStatus> visible = handle(DomainStatusCache::statusOf);
    }

    private CompletableFuture<Cached> loadDomain(String domain, Executor ignored) {
        lookups.increment();
        LookupFuture result = new LookupFuture();
        if (lookupListener != null) {
            long start = System.nanoTime();
            // Registered after the callers' future, so it runs before they are woken (dependents run last-in
            // first-out): a caller that reads its metrics right after its answer sees this lookup counted.
            result.whenComplete((cached, error) -> {
                try {
                    lookupListener.lookupEnded(domain, statusOf(cached, error),
                            Duration.ofNanos(System.nanoTime() - start));
                } catch (RuntimeException e) {
                    // A metrics hook must not change the answer.
                }
            });
        }
        AtomicBoolean settled = new AtomicBoolean();
        Name name;
        try {
            name = Name.fromString(domain, Name.root);
        } catch (TextParseException e) {
            settle(result, settled, "invalid domain name");
            return result;
        }
        ScheduledFuture<?> timer;
        try {
            timer = scheduler.schedule(() -> settleOnExecutor(result, settled), deadlineNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new IndeterminateException("checker closed"));
            return result;
        }
        resolution.resolve(domain, name, result).whenComplete((outcome, error) -> {
            timer.cancel(false);
            if (error != null) {
                settle(result, settled, "internal error: " + error.getClass().getSimpleName());
            } else if (outcome instanceof Resolution.Undecided undecided) {
                settle(result, settled, undecided.reason());
            } else if (settled.compareAndSet(false, true)) {
                Resolution.Decided decided = (Resolution.Decided) outcome;
                result.complete(new Cached(decided.status(), ttl.nanos(decided.ttlSeconds()), ticker.read()));
            }
        });
        return result;
    }

    /**
     * Ends a lookup at its deadline on the configured executor, so that the callers' continuations never run on the
     * single deadline thread (one slow callback would delay every other deadline).
     */
    private void settleOnExecutor(CompletableFuture<Cached> result, AtomicBoolean settled) {
        try {
            executor.execute(() -> settle(result, settled, "deadline"));
        } catch (RejectedExecutionException e) {
            settle(result, settled, "deadline"); // the executor is shutting down: better here than never
        }
    }

    /**
     * Ends a lookup without a cacheable answer. The counters move before the future completes, so that a caller
     * woken by the completion already sees them.
     */
    private void settle(CompletableFuture<Cached> result, AtomicBoolean settled, String reason) {
        if (!settled.compareAndSet(false, true)) {
            return;
        }
        if ("deadline".equals(reason) || "timeout".equals(reason)) {
            timeouts.increment();
        } else {
            failures.increment();
        }
        if (indeterminateTtlNanos > 0) {
            // Remembered briefly: the other rows of a slow domain must not each wait for the deadline again.
            result.complete(new Cached(Answer.indeterminate(reason), indeterminateTtlNanos, ticker.read()));
            return;
        }
        result.completeExceptionally(new IndeterminateException(reason));
    }

    static MailDomainStatus indeterminate(Throwable error) {
        Throwable e = error;
        while (e instanceof java.util.concurrent.CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof IndeterminateException) {
            return Answer.indeterminate(e.getMessage());
        }
        return new MailDomainStatus.Indeterminate("internal error: " + e.getClass().getSimpleName());
    }

    long evictions() {
        return domains.synchronous().stats().evictionCount();
    }

    long estimatedSize() {
        return domains.synchronous().estimatedSize();
    }

    /**
     * Stops the deadline scheduler, answers every check in flight with {@code Indeterminate("checker closed")} and
     * empties the caches. Idempotent.
     *
     * @return {@code false} if it was closed already
     */
    boolean close() {
        if (!closed.compareAndSet(false, true)) {
            return false;
        }
        for (CompletableFuture<Cached> f : domainMap.values()) {
            f.completeExceptionally(new IndeterminateException("checker closed"));
        }
        hosts.abandonAll("checker closed");
        scheduler.shutdownNow();
        try {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
            // The executor counts as terminated a moment before its thread has ended: wait for the thread itself,
            // so that nothing of ours is alive when close() returns (unless close() runs on that very thread).
            for (Thread t : schedulerThreads) {
                long left = until - System.nanoTime();
                if (t != Thread.currentThread() && left > 0) {
                    TimeUnit.NANOSECONDS.timedJoin(t, left);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        domains.synchronous().invalidateAll();
        hosts.invalidateAll();
        return true;
    }

    /** @return the cache key of a domain: lower case, without trailing dots */
    static String keyOf(String domain) {
        return needsNormalizing(domain) ? normalize(domain) : domain;
    }

    private static boolean needsNormalizing(String domain) {
        int n = domain.length();
        if (n == 0 || domain.charAt(n - 1) == '.') {
            return true;
        }
        for (int i = 0; i < n; i++) {
            char c = domain.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                return true;
            }
        }
        return false;
    }

    private static String normalize(String domain) {
        String d = domain.toLowerCase(Locale.ROOT);
        while (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        return d;
    }

    /** Stores a result as if DNS had answered it (test and benchmark hook). */
    void prime(String asciiDomain, MailDomainStatus status, Duration ttl) {
        domains.put(asciiDomain, CompletableFuture.completedFuture(new Cached(status, ttl.toNanos(), ticker.read())));
    }

    /** Runs Caffeine's pending maintenance (evictions) now (test hook). */
    void cleanUp() {
        domains.synchronous().cleanUp();
        hosts.cleanUp();
    }

    /**
     * A cached domain status, with a completed future made once so that a hit allocates nothing.
     */
    record Cached(MailDomainStatus status, long ttlNanos, long createdAt,
                  CompletableFuture<MailDomainStatus> future) {
        Cached(MailDomainStatus status, long ttlNanos, long createdAt) {
            this(status, ttlNanos, createdAt, CompletableFuture.completedFuture(status));
        }

        /**
         * The time left at {@code now}. Caffeine applies the expiry only after the callers of the lookup have been
         * woken (its completion callback runs last), so the TTL is counted from when the answer arrived.
         */
        long remainingNanos(long now) {
            return Math.max(0, ttlNanos - Math.max(0, now - createdAt));
        }
    }
}
