package io.github.customeremail.dns;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.customeremail.MailDomainChecker;
import io.github.customeremail.MailDomainStatus;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiFunction;
import java.util.function.ToLongBiFunction;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.ResolverConfig;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * A cached, deadline-bounded {@link MailDomainChecker} that asks DNS (dnsjava, asynchronous API) whether a domain
 * can receive mail.
 *
 * <pre>{@code
 * try (DnsMailDomainChecker dns = DnsMailDomainChecker.builder().deadline(Duration.ofSeconds(2)).build();
 *      CustomerEmailValidator validator = CustomerEmailValidator.builder().mailDomainChecker(dns).build()) {
 *     validator.check("juan@example.com").verdict();   // VALID, INVALID (e.g. NULL_MX) or UNKNOWN
 *     dns.stats();                                       // hits, misses, queries sent, timeouts…
 * }
 * }</pre>
 *
 * <h2>Outcomes</h2>
 * <ul>
 *   <li>MX records with at least one host that has a public address: {@link MailDomainStatus.HasMx} (one public
 *       host is enough: a sender tries the hosts in turn, so a deliverable path exists).</li>
 *   <li>Only a null MX ({@code MX 0 .}, RFC 7505): {@link MailDomainStatus.NullMx}. A {@code .} target listed next
 *       to real hosts is ignored.</li>
 *   <li>Every MX host resolves only to loopback, private, link-local, shared (CGNAT), documentation, multicast or
 *       reserved addresses, or to no address at all: {@link MailDomainStatus.NoPublicMailHost}.</li>
 *   <li>No MX (NODATA) but A/AAAA on the domain (RFC 5321 section 5.1 implicit MX):
 *       {@link MailDomainStatus.ImplicitMx}; if those addresses are all non-public,
 *       {@link MailDomainStatus.NoPublicMailHost} naming the domain itself.</li>
 *   <li>NXDOMAIN: {@link MailDomainStatus.NoSuchDomain}; NODATA for MX, A and AAAA:
 *       {@link MailDomainStatus.NoMailHost}.</li>
 *   <li>Timeout, SERVFAIL, REFUSED, a garbled reply, or the deadline passing:
 *       {@link MailDomainStatus.Indeterminate}. When no MX host is public but a host lookup failed, the outcome is
 *       indeterminate too.</li>
 * </ul>
 *
 * <h2>Caching</h2>
 * Results are kept in a Caffeine {@link AsyncCache} keyed by the ASCII domain; each entry lives as long as the
 * smallest TTL of the records it was decided from, bounded by {@link Builder#minTtl(Duration)} and
 * {@link Builder#maxTtl(Duration)}. Negative answers (NXDOMAIN, NODATA, null MX) are cached too, for the RFC 2308
 * negative TTL (SOA minimum from the authority section) or {@link Builder#negativeTtl(Duration)} when there is no
 * SOA. Indeterminate outcomes are never cached. Concurrent checks of one domain share one lookup. The addresses of
 * MX hosts are cached the same way, in a second cache. dnsjava's own {@code Cache} plays no part: it is used only
 * by {@code Lookup}/{@code LookupSession}, and this class sends its own {@code Message}s through its own
 * {@link Resolver}, so there is exactly one cache, whose size, expiry and statistics this class controls.
 *
 * <h2>Deadline and threads</h2>
 * Every lookup is bounded by a hard deadline (default 2 s) enforced with this checker's own single scheduler
 * thread, not by dnsjava's timeouts (which are only checked about once a second). The returned futures never
 * complete exceptionally. Callbacks of dnsjava run on the configured {@link Builder#executor(Executor)} (default
 * the common fork-join pool). {@link #close()} stops the scheduler and, when no other checker is open, dnsjava's
 * process-wide NIO selector thread.
 *
 * <p>Instances are thread-safe. A returned future may be shared with other callers (a cache hit returns the cached
 * completed future): do not {@code obtrude} values into it.
 */
public final class DnsMailDomainChecker implements MailDomainChecker {

    /** MX hosts judged per domain; real domains have a handful. */
    static final int MAX_MAIL_HOSTS_JUDGED = 10;

    private final DnsQueries queries;
    private final AsyncCache<String, Cached> domains;
    private final ConcurrentMap<String, CompletableFuture<Cached>> domainMap;
    private final AsyncCache<String, HostAddresses> hosts;
    private final BiFunction<String, Executor, CompletableFuture<Cached>> domainLoader = this::loadDomain;
    private final ScheduledThreadPoolExecutor scheduler;
    private final long deadlineNanos;
    private final long minTtlSeconds;
    private final long maxTtlSeconds;
    private final long negativeTtlSeconds;
    private final int bulkParallelism;
    private final boolean stopDnsjavaNioOnClose;
    private final Ticker ticker;
    /** {@code null} when none is configured. */
    private final LookupListener lookupListener;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** The scheduler's threads, joined by {@link #close()}. */
    private final java.util.Set<Thread> schedulerThreads = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder lookups = new LongAdder();
    private final LongAdder timeouts = new LongAdder();
    private final LongAdder failures = new LongAdder();

    private DnsMailDomainChecker(Builder b, Resolver resolver) {
        this.deadlineNanos = b.deadline.toNanos();
        this.minTtlSeconds = b.minTtl.toSeconds();
        this.maxTtlSeconds = b.maxTtl.toSeconds();
        this.negativeTtlSeconds = b.negativeTtl.toSeconds();
        this.bulkParallelism = b.bulkParallelism;
        this.stopDnsjavaNioOnClose = b.stopDnsjavaNioOnClose;
        this.ticker = b.ticker;
        this.lookupListener = b.lookupListener;
        this.queries = new DnsQueries(resolver, b.executor, b.maxConcurrentLookups);
        this.scheduler = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "customer-email-dns-deadline");
            t.setDaemon(true);
            schedulerThreads.add(t);
            return t;
        });
        this.scheduler.setRemoveOnCancelPolicy(true);
        this.domains = Caffeine.newBuilder()
                .maximumSize(b.maximumCacheSize)
                .expireAfter(new TtlExpiry<Cached>(Cached::remainingNanos))
                .ticker(b.ticker)
                .executor(b.executor)
                .recordStats()
                .buildAsync();
        this.domainMap = domains.asMap();
        this.hosts = Caffeine.newBuilder()
                .maximumSize(b.maximumCacheSize)
                .expireAfter(new TtlExpiry<HostAddresses>(
                        (h, now) -> h.complete() ? ttlNanos(h.ttlSeconds()) : 0))
                .ticker(b.ticker)
                .executor(b.executor)
                .buildAsync();
        if (stopDnsjavaNioOnClose) {
            DnsjavaNio.acquire();
        }
    }

    /** @return a builder with the defaults: system resolvers, 2 s deadline, TTLs bounded to [60 s, 6 h] */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks one domain. A cached answer is returned at once, without allocation; otherwise DNS is asked, at most
     * once at a time per domain. The future completes within the deadline and never exceptionally.
     *
     * @param asciiDomain a domain in lower-case ASCII (A-label) form, without trailing dot
     * @return the status
     */
    @Override
    public CompletableFuture<MailDomainStatus> check(String asciiDomain) {
        Objects.requireNonNull(asciiDomain, "asciiDomain");
        String key = needsNormalizing(asciiDomain) ? normalize(asciiDomain) : asciiDomain;
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
        return pending.handle(DnsMailDomainChecker::statusOf);
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
        final CompletableFuture<MailDomainStatus> visible = handle(DnsMailDomainChecker::statusOf);
    }

    /**
     * Checks many domains concurrently, at most {@link Builder#bulkParallelism(int)} at a time.
     *
     * @param asciiDomains the domains; duplicates are checked once
     * @return the statuses, in the order of first appearance; never completes exceptionally
     * @see #checkAll(Collection, int)
     */
    public CompletableFuture<Map<String, MailDomainStatus>> checkAll(Collection<String> asciiDomains) {
        return checkAll(asciiDomains, bulkParallelism);
    }

    /**
     * Checks many domains concurrently with at most {@code parallelism} checks in flight. No thread is started or
     * blocked per domain: each finished check starts the next one. Each check's deadline starts when that check
     * starts, so a long list does not turn into timeouts.
     *
     * @param asciiDomains the domains; duplicates are checked once
     * @param parallelism the maximum number of checks in flight, at least 1
     * @return the statuses, in the order of first appearance; never completes exceptionally
     */
    public CompletableFuture<Map<String, MailDomainStatus>> checkAll(Collection<String> asciiDomains,
                                                                      int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be positive: " + parallelism);
        }
        List<String> list = new ArrayList<>(new LinkedHashSet<>(asciiDomains));
        CompletableFuture<Map<String, MailDomainStatus>> all = new CompletableFuture<>();
        if (list.isEmpty()) {
            all.complete(Map.of());
            return all;
        }
        new BulkRun(list, all).start(Math.min(parallelism, list.size()));
        return all;
    }

    /** Feeds a bounded number of checks; each completion starts the next. */
    private final class BulkRun {
        private final List<String> domainList;
        private final AtomicReferenceArray<MailDomainStatus> results;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger done = new AtomicInteger();
        private final CompletableFuture<Map<String, MailDomainStatus>> all;

        BulkRun(List<String> domainList, CompletableFuture<Map<String, MailDomainStatus>> all) {
            this.domainList = domainList;
            this.results = new AtomicReferenceArray<>(domainList.size());
            this.all = all;
        }

        void start(int workers) {
            for (int i = 0; i < workers; i++) {
                pump();
            }
        }

        /** Runs checks until one is pending (it resumes the loop when done) or the list is exhausted. */
        private void pump() {
            while (true) {
                int i = next.getAndIncrement();
                if (i >= domainList.size()) {
                    return;
                }
                CompletableFuture<MailDomainStatus> f;
                try {
                    f = check(domainList.get(i));
                } catch (RuntimeException e) {
                    f = CompletableFuture.completedFuture(
                            new MailDomainStatus.Indeterminate("invalid domain: " + e.getMessage()));
                }
                if (f.isDone()) {
                    record(i, f.join());
                    continue;
                }
                f.whenComplete((status, error) -> {
                    record(i, status != null ? status : indeterminate(error));
                    pump();
                });
                return;
            }
        }

        private void record(int i, MailDomainStatus status) {
            results.set(i, status);
            if (done.incrementAndGet() == domainList.size()) {
                Map<String, MailDomainStatus> out = new LinkedHashMap<>();
                for (int k = 0; k < domainList.size(); k++) {
                    out.put(domainList.get(k), results.get(k));
                }
                all.complete(java.util.Collections.unmodifiableMap(out));
            }
        }
    }

    /** @return a snapshot of the counters */
    public Stats stats() {
        return new Stats(hits.sum(), misses.sum(), lookups.sum(), queries.queriesSent.sum(), timeouts.sum(),
                failures.sum(), domains.synchronous().stats().evictionCount(),
                domains.synchronous().estimatedSize());
    }

    /**
     * Counters since this checker was built.
     *
     * @param hits checks answered from the cache
     * @param misses checks not answered from the cache (they started a lookup or joined one in flight)
     * @param lookups domain lookups started (misses minus the checks that joined a lookup in flight)
     * @param queriesSent DNS questions handed to dnsjava (MX, A, AAAA; dnsjava's own retries are not counted)
     * @param timeouts lookups ended by the deadline
     * @param failures other indeterminate lookups (SERVFAIL, REFUSED, garbled replies, network errors)
     * @param evictions domain entries evicted by the size bound or expiry
     * @param cachedDomains an estimate of the domains cached now
     */
    public record Stats(long hits, long misses, long lookups, long queriesSent, long timeouts, long failures,
                        long evictions, long cachedDomains) {
    }

    /**
     * Stops the deadline scheduler, answers every check in flight with {@code Indeterminate("checker closed")},
     * empties the caches and, when this is the last open checker, stops dnsjava's NIO selector thread
     * ({@code NioClient.close()}; dnsjava restarts it if anything in the JVM queries again). Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (CompletableFuture<Cached> f : domainMap.values()) {
            f.completeExceptionally(new IndeterminateException("checker closed"));
        }
        for (CompletableFuture<HostAddresses> f : hosts.asMap().values()) {
            f.complete(new HostAddresses(List.of(), "checker closed", -1));
        }
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
        hosts.synchronous().invalidateAll();
        if (stopDnsjavaNioOnClose) {
            DnsjavaNio.release();
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Lookups

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
            timer = scheduler.schedule(() -> settle(result, settled, "deadline"), deadlineNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new IndeterminateException("checker closed"));
            return result;
        }
        resolveDomain(domain, name, result).whenComplete((outcome, error) -> {
            timer.cancel(false);
            if (error != null) {
                settle(result, settled, "internal error: " + error.getClass().getSimpleName());
            } else if (outcome.status() instanceof MailDomainStatus.Indeterminate i) {
                settle(result, settled, i.reason());
            } else if (settled.compareAndSet(false, true)) {
                result.complete(new Cached(outcome.status(), ttlNanos(outcome.ttlSeconds()), ticker.read()));
            }
        });
        return result;
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
        result.completeExceptionally(new IndeterminateException(reason));
    }

    private CompletableFuture<Outcome> resolveDomain(String domain, Name name, CompletableFuture<?> scope) {
        return queries.query(name, Type.MX, scope).thenCompose(mx -> switch (mx.kind()) {
            case FAILURE -> CompletableFuture.completedFuture(Outcome.indeterminate(mx.reason()));
            case NXDOMAIN -> CompletableFuture.completedFuture(
                    new Outcome(new MailDomainStatus.NoSuchDomain(), negativeTtl(mx)));
            case NODATA -> implicitMx(domain, name, mx, scope);
            case DATA -> judgeMailHosts(mx, scope);
        });
    }

    /** RFC 5321 section 5.1: without MX records the domain itself is the mail host. */
    private CompletableFuture<Outcome> implicitMx(String domain, Name name, Answer mx, CompletableFuture<?> scope) {
        return hostAddresses(domain, name, scope).thenApply(h -> {
            long ttl = minTtl(negativeTtl(mx), h.ttlSeconds());
            if (h.hasPublic()) {
                return new Outcome(new MailDomainStatus.ImplicitMx(), ttl);
            }
            if (!h.complete()) {
                return Outcome.indeterminate(h.failure());
            }
            if (h.addresses().isEmpty()) {
                return new Outcome(new MailDomainStatus.NoMailHost(), ttl);
            }
            return new Outcome(new MailDomainStatus.NoPublicMailHost(List.of(domain)), ttl);
        });
    }

    private CompletableFuture<Outcome> judgeMailHosts(Answer mx, CompletableFuture<?> scope) {
        List<MXRecord> records = new ArrayList<>();
        for (org.xbill.DNS.Record r : mx.records()) {
            if (r instanceof MXRecord m) {
                records.add(m);
            }
        }
        records.sort(Comparator.comparingInt(MXRecord::getPriority)
                .thenComparing(m -> m.getTarget().toString()));
        LinkedHashMap<String, Name> targets = new LinkedHashMap<>();
        for (MXRecord m : records) {
            Name target = m.getTarget();
            if (target.equals(Name.root)) {
                continue; // RFC 7505 null MX; next to real hosts it is ignored
            }
            targets.putIfAbsent(hostKey(target), target);
        }
        if (targets.isEmpty()) {
            return CompletableFuture.completedFuture(new Outcome(new MailDomainStatus.NullMx(), mx.ttlSeconds()));
        }
        List<String> hostNames = List.copyOf(targets.keySet());
        List<Map.Entry<String, Name>> judged = new ArrayList<>(targets.entrySet());
        if (judged.size() > MAX_MAIL_HOSTS_JUDGED) {
            judged = judged.subList(0, MAX_MAIL_HOSTS_JUDGED);
        }
        CompletableFuture<Outcome> out = new CompletableFuture<>();
        HostTally tally = new HostTally(judged.size(), mx.ttlSeconds());
        for (Map.Entry<String, Name> e : judged) {
            HostAddresses glue = glue(mx, e.getValue());
            CompletableFuture<HostAddresses> addresses = glue != null && glue.hasPublic()
                    ? CompletableFuture.completedFuture(glue)
                    : hostAddresses(e.getKey(), e.getValue(), scope);
            addresses.whenComplete((h, error) -> {
                HostAddresses known = h != null ? h
                        : new HostAddresses(List.of(), "internal error: " + error.getClass().getSimpleName(), -1);
                if (known.hasPublic()) {
                    out.complete(new Outcome(new MailDomainStatus.HasMx(hostNames),
                            minTtl(mx.ttlSeconds(), known.ttlSeconds())));
                }
                Outcome last = tally.add(known, hostNames);
                if (last != null) {
                    out.complete(last);
                }
            });
        }
        return out;
    }

    /** Collects the host answers of one MX set; the last one decides when no host was public. */
    private static final class HostTally {
        private int remaining;
        private long ttl;
        private String failure;

        HostTally(int hosts, long mxTtl) {
            this.remaining = hosts;
            this.ttl = mxTtl;
        }

        synchronized Outcome add(HostAddresses h, List<String> hostNames) {
            ttl = minTtl(ttl, h.ttlSeconds());
            if (!h.complete() && failure == null) {
                failure = h.failure();
            }
            if (--remaining > 0) {
                return null;
            }
            return failure != null ? Outcome.indeterminate("mail host lookup failed: " + failure)
                    : new Outcome(new MailDomainStatus.NoPublicMailHost(hostNames), ttl);
        }
    }

    /** Addresses of {@code host} in the additional section of the MX response, or {@code null}. */
    private static HostAddresses glue(Answer mx, Name host) {
        List<InetAddress> found = new ArrayList<>(2);
        long ttl = Long.MAX_VALUE;
        for (org.xbill.DNS.Record r : mx.message().getSection(Section.ADDITIONAL)) {
            if (!r.getName().equals(host)) {
                continue;
            }
            if (r instanceof ARecord a) {
                found.add(a.getAddress());
                ttl = Math.min(ttl, r.getTTL());
            } else if (r instanceof AAAARecord a) {
                found.add(a.getAddress());
                ttl = Math.min(ttl, r.getTTL());
            }
        }
        return found.isEmpty() ? null : new HostAddresses(List.copyOf(found), null, ttl);
    }

    /** A and AAAA of one host, cached and coalesced; answered early when one family yields a public address. */
    private CompletableFuture<HostAddresses> hostAddresses(String key, Name name, CompletableFuture<?> scope) {
        CompletableFuture<HostAddresses> f = hosts.get(key, (k, executor) -> resolveHost(name, scope));
        f.whenComplete((h, error) -> {
            if (h == null || !h.complete()) {
                hosts.asMap().remove(key, f); // partial answers serve this check only
            }
        });
        return f;
    }

    private CompletableFuture<HostAddresses> resolveHost(Name name, CompletableFuture<?> scope) {
        CompletableFuture<Answer> a = queries.query(name, Type.A, scope);
        CompletableFuture<Answer> aaaa = queries.query(name, Type.AAAA, scope);
        CompletableFuture<HostAddresses> out = new CompletableFuture<>();
        a.thenAccept(x -> completeIfPublic(out, x));
        aaaa.thenAccept(x -> completeIfPublic(out, x));
        a.thenCombine(aaaa, (x, y) -> HostAddresses.combine(x, y, negativeTtlSeconds)).thenAccept(out::complete);
        return out;
    }

    private static void completeIfPublic(CompletableFuture<HostAddresses> out, Answer answer) {
        HostAddresses h = HostAddresses.of(answer);
        if (h.hasPublic()) {
            out.complete(h);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Helpers

    private long negativeTtl(Answer answer) {
        return answer.ttlSeconds() >= 0 ? answer.ttlSeconds() : negativeTtlSeconds;
    }

    private static long minTtl(long a, long b) {
        if (a < 0) {
            return b;
        }
        return b < 0 ? a : Math.min(a, b);
    }

    private long ttlNanos(long seconds) {
        long s = seconds < 0 ? negativeTtlSeconds : seconds;
        s = Math.max(minTtlSeconds, Math.min(maxTtlSeconds, s));
        return TimeUnit.SECONDS.toNanos(s);
    }

    private static MailDomainStatus indeterminate(Throwable error) {
        Throwable e = error;
        while (e instanceof java.util.concurrent.CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof IndeterminateException) {
            return new MailDomainStatus.Indeterminate(e.getMessage());
        }
        return new MailDomainStatus.Indeterminate("internal error: " + e.getClass().getSimpleName());
    }

    private static String hostKey(Name name) {
        return name.toString(true).toLowerCase(Locale.ROOT);
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

    /**
     * Test and benchmark hook: stores a result as if DNS had answered it.
     */
    void prime(String asciiDomain, MailDomainStatus status, Duration ttl) {
        domains.put(asciiDomain, CompletableFuture.completedFuture(new Cached(status, ttl.toNanos(), ticker.read())));
    }

    /** Test hook: runs Caffeine's pending maintenance (evictions) now. */
    void cleanUp() {
        domains.synchronous().cleanUp();
        hosts.synchronous().cleanUp();
    }

    /** A decided outcome and the TTL (seconds, -1 = unknown) of the records it was decided from. */
    private record Outcome(MailDomainStatus status, long ttlSeconds) {
        static Outcome indeterminate(String reason) {
            return new Outcome(new MailDomainStatus.Indeterminate(reason), -1);
        }
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

    /** Per-entry expiry from the DNS TTL, applied when the lookup completes (or the value is replaced). */
    private static final class TtlExpiry<V> implements Expiry<String, V> {
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

    /**
     * Configures a {@link DnsMailDomainChecker}. Not thread-safe.
     */
    public static final class Builder {
        private final List<InetSocketAddress> servers = new ArrayList<>();
        private int retries = 1;
        private Duration deadline = Duration.ofSeconds(2);
        private Duration minTtl = Duration.ofSeconds(60);
        private Duration maxTtl = Duration.ofHours(6);
        private Duration negativeTtl = Duration.ofMinutes(5);
        private long maximumCacheSize = 10_000;
        private int maxConcurrentLookups = 64;
        private int bulkParallelism = 16;
        private Ticker ticker = Ticker.systemTicker();
        private Executor executor = ForkJoinPool.commonPool();
        private boolean stopDnsjavaNioOnClose = true;
        private LookupListener lookupListener;

        private Builder() {
        }

        /**
         * Receives the outcome and duration of every DNS lookup (not of cache hits), e.g. for a latency timer.
         *
         * @param listener the listener, or {@code null} for none
         * @return this builder
         */
        public Builder lookupListener(LookupListener listener) {
            this.lookupListener = listener;
            return this;
        }

        /**
         * Adds a DNS server to ask (a recursive resolver). Without any, the system's resolvers are used
         * ({@link ResolverConfig}: {@code /etc/resolv.conf}, Windows settings…).
         *
         * @param host an IP address literal (no name lookup is made)
         * @param port the UDP/TCP port, usually 53
         * @return this builder
         */
        public Builder server(String host, int port) {
            Objects.requireNonNull(host, "host");
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("bad port: " + port);
            }
            InetAddress address;
            try {
                address = org.xbill.DNS.Address.getByAddress(host);
            } catch (java.net.UnknownHostException e) {
                throw new IllegalArgumentException("not an IP address: " + host, e);
            }
            servers.add(new InetSocketAddress(address, port));
            return this;
        }

        /**
         * Adds a DNS server to ask.
         *
         * @param server a resolved socket address
         * @return this builder
         */
        public Builder server(InetSocketAddress server) {
            Objects.requireNonNull(server, "server");
            if (server.isUnresolved()) {
                throw new IllegalArgumentException("unresolved server address: " + server);
            }
            servers.add(server);
            return this;
        }

        /**
         * How many times a question is re-sent to each server after a timeout or network error (default 1).
         * All attempts together stay within the deadline.
         *
         * @param retries 0 or more
         * @return this builder
         */
        public Builder retries(int retries) {
            if (retries < 0) {
                throw new IllegalArgumentException("retries must not be negative: " + retries);
            }
            this.retries = retries;
            return this;
        }

        /**
         * The hard deadline of one domain lookup, MX hosts included (default 2 s). When it passes the check
         * answers {@code Indeterminate("deadline")}.
         *
         * @param deadline a positive duration
         * @return this builder
         */
        public Builder deadline(Duration deadline) {
            this.deadline = positive(deadline, "deadline");
            return this;
        }

        /**
         * The shortest time an answer is cached, whatever its TTL (default 60 s).
         *
         * @param minTtl zero or more
         * @return this builder
         */
        public Builder minTtl(Duration minTtl) {
            Objects.requireNonNull(minTtl, "minTtl");
            if (minTtl.isNegative()) {
                throw new IllegalArgumentException("minTtl must not be negative: " + minTtl);
            }
            this.minTtl = minTtl;
            return this;
        }

        /**
         * The longest time an answer is cached, whatever its TTL (default 6 h).
         *
         * @param maxTtl a positive duration
         * @return this builder
         */
        public Builder maxTtl(Duration maxTtl) {
            this.maxTtl = positive(maxTtl, "maxTtl");
            return this;
        }

        /**
         * How long NXDOMAIN and NODATA are cached when the response carries no SOA record (default 5 min). With
         * an SOA the RFC 2308 value is used. Both are bounded by {@link #minTtl} and {@link #maxTtl}.
         *
         * @param negativeTtl zero or more
         * @return this builder
         */
        public Builder negativeTtl(Duration negativeTtl) {
            Objects.requireNonNull(negativeTtl, "negativeTtl");
            if (negativeTtl.isNegative()) {
                throw new IllegalArgumentException("negativeTtl must not be negative: " + negativeTtl);
            }
            this.negativeTtl = negativeTtl;
            return this;
        }

        /**
         * The most domains kept in the cache (default 10 000); the MX-host address cache has the same bound.
         *
         * @param size 1 or more
         * @return this builder
         */
        public Builder maximumCacheSize(long size) {
            if (size < 1) {
                throw new IllegalArgumentException("size must be positive: " + size);
            }
            this.maximumCacheSize = size;
            return this;
        }

        /**
         * The most DNS questions in flight at once, over all checks (default 64); further questions wait,
         * without blocking a thread, within their check's deadline.
         *
         * @param max 1 or more
         * @return this builder
         */
        public Builder maxConcurrentLookups(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("max must be positive: " + max);
            }
            this.maxConcurrentLookups = max;
            return this;
        }

        /**
         * The default number of checks in flight for {@link DnsMailDomainChecker#checkAll(Collection)}
         * (default 16).
         *
         * @param parallelism 1 or more
         * @return this builder
         */
        public Builder bulkParallelism(int parallelism) {
            if (parallelism < 1) {
                throw new IllegalArgumentException("parallelism must be positive: " + parallelism);
            }
            this.bulkParallelism = parallelism;
            return this;
        }

        /**
         * The time source of cache expiry (default the system ticker); tests pass a fake one. The deadline
         * always uses real time.
         *
         * @param ticker the ticker
         * @return this builder
         */
        public Builder ticker(Ticker ticker) {
            this.ticker = Objects.requireNonNull(ticker, "ticker");
            return this;
        }

        /**
         * Where dnsjava's callbacks, the lookup logic and cache maintenance run (default the common fork-join
         * pool). The work is short and never blocks.
         *
         * @param executor the executor
         * @return this builder
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * Whether {@link DnsMailDomainChecker#close()} of the last open checker stops dnsjava's process-wide NIO
         * selector thread (default {@code true}). Turn it off if other code in the JVM uses dnsjava and must not
         * see its in-flight queries fail at that moment.
         *
         * @param stop the option
         * @return this builder
         */
        public Builder stopDnsjavaNioOnClose(boolean stop) {
            this.stopDnsjavaNioOnClose = stop;
            return this;
        }

        /**
         * Builds the checker. Reads the system resolver configuration when no server was given.
         *
         * @return a new checker; close it when done
         * @throws IllegalStateException if no server is configured and the system has none
         */
        public DnsMailDomainChecker build() {
            if (maxTtl.compareTo(minTtl) < 0) {
                throw new IllegalStateException("maxTtl " + maxTtl + " is shorter than minTtl " + minTtl);
            }
            List<InetSocketAddress> targets = servers.isEmpty()
                    ? ResolverConfig.getCurrentConfig().servers() : List.copyOf(servers);
            if (targets.isEmpty()) {
                throw new IllegalStateException("no DNS server configured and none found in the system");
            }
            return new DnsMailDomainChecker(this, resolver(targets));
        }

        /**
         * One {@link SimpleResolver} per server under an {@link ExtendedResolver}. ExtendedResolver resets its
         * inner resolvers' timeouts to its own default (5 s) and does not cap them by its overall timeout, so they
         * are set afterwards: each attempt gets a share of the deadline, never more than the deadline.
         */
        private Resolver resolver(List<InetSocketAddress> targets) {
            List<Resolver> simple = new ArrayList<>(targets.size());
            for (InetSocketAddress target : targets) {
                simple.add(new SimpleResolver(target));
            }
            ExtendedResolver extended = new ExtendedResolver(simple);
            int attempts = targets.size() * (retries + 1);
            Duration perAttempt = deadline.dividedBy(attempts);
            Duration floor = Duration.ofMillis(250);
            if (perAttempt.compareTo(floor) < 0) {
                perAttempt = floor.compareTo(deadline) < 0 ? floor : deadline;
            }
            for (Resolver r : extended.getResolvers()) {
                r.setTimeout(perAttempt);
            }
            extended.setTimeout(deadline);
            extended.setRetries(retries + 1);
            extended.setLoadBalance(false);
            return extended;
        }

        private static Duration positive(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive: " + d);
            }
            return d;
        }
    }
}
