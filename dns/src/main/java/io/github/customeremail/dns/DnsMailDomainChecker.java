package io.github.customeremail.dns;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.customeremail.MailDomainChecker;
import io.github.customeremail.MailDomainStatus;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.ResolverConfig;

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
 *       {@link MailDomainStatus.NoMailHost}; every MX host NXDOMAIN: {@link MailDomainStatus.NoSuchMailHost}.
 *       A negative answer is believed when it carries the zone's SOA (RFC 2308), or else only from a resolver
 *       that passes the canary test ({@link Builder#canaryDomains(List)}); otherwise the outcome is
 *       {@link MailDomainStatus.Indeterminate} with {@code resolverUnreliable}, never a negative status.</li>
 *   <li>An answer that is only a CNAME whose target's records were left out: the target is asked.
 *       A referral (no answer, NS records in authority, neither AA nor RA): indeterminate.</li>
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
 * SOA. Indeterminate outcomes are kept only for {@link Builder#indeterminateTtl(Duration)} (default 30 s).
 * Concurrent checks of one domain share one lookup. The addresses of MX hosts are cached the same way, in a second
 * cache shared by every domain, and a mail host is looked up once for every domain that waits on it: the lookup
 * belongs to none of them, so a domain that is decided or reaches its deadline stops waiting without ending it for the
 * others; it is abandoned only when no domain waits any more. No host is looked up once another host of the domain is
 * known to be public. dnsjava's own {@code Cache} plays no part: it is used only by {@code Lookup}/{@code
 * LookupSession}, and this class sends its own {@code Message}s through its own {@link Resolver}, so there is exactly
 * one cache, whose size, expiry and statistics this class controls.
 *
 * <h2>Many domains at once</h2>
 * {@link #checkAll(Collection)} checks a list with a bounded number of checks in flight, e.g. to warm the cache
 * with the distinct domains of an import before its rows are checked one by one.
 *
 * <h2>Deadline and threads</h2>
 * Every lookup is bounded by a hard deadline (default 2 s) enforced with this checker's own single scheduler
 * thread, not by dnsjava's timeouts (which are only checked about once a second). The returned futures never
 * complete exceptionally. They complete on the configured {@link Builder#executor(Executor)} (default the common
 * fork-join pool), whether DNS answered or the deadline passed, so the callers' continuations run there and never on
 * the deadline thread; a cache hit is already complete and continues on the caller's thread. Questions go over UDP
 * through this checker's own transport (one selector thread, a socket per question on a random source port), plugged
 * into dnsjava with {@code SimpleResolver.setIoClientFactory}: a question whose check has ended closes its socket at
 * once, which dnsjava's own UDP client cannot do. A truncated answer is asked again over dnsjava's TCP client. On
 * the module path dnsjava (3.7.1) does not export the package of that hook: there the checker uses dnsjava's UDP
 * client (a question given up keeps its socket until its own timeout) unless the application is started with
 * {@code --add-exports org.dnsjava/org.xbill.DNS.io=io.github.customeremail.dns}.
 * {@link #close()} stops the scheduler, the UDP selector and, when no other checker is open, dnsjava's process-wide
 * NIO selector thread (TCP).
 *
 * <p>Instances are thread-safe. A returned future may be shared with other callers (a cache hit returns the cached
 * completed future): do not {@code obtrude} values into it.
 */
public final class DnsMailDomainChecker implements MailDomainChecker {

    private final DnsQueries queries;
    private final DomainStatusCache cache;
    private final Executor executor;
    private final int bulkParallelism;
    private final int maxConcurrentLookups;
    private final boolean stopDnsjavaNioOnClose;

    private DnsMailDomainChecker(Builder b, Function<UdpTransport, Resolver> resolver) {
        TtlBounds ttl = new TtlBounds(b.minTtl.toSeconds(), b.maxTtl.toSeconds(), b.negativeTtl.toSeconds());
        this.queries = new DnsQueries(resolver, b.executor, b.maxConcurrentLookups);
        ResolverHonesty honesty = new ResolverHonesty(queries, b.canaries);
        MailHostAddresses hosts = new MailHostAddresses(queries, honesty, ttl, b.maximumCacheSize, b.ticker,
                b.executor);
        this.cache = new DomainStatusCache(new MailDomainResolution(queries, honesty, hosts,
                ttl.negativeTtlSeconds()), hosts,
                b.deadline, b.indeterminateTtl, ttl, b.maximumCacheSize, b.ticker, b.executor, b.lookupListener);
        this.executor = b.executor;
        this.bulkParallelism = b.bulkParallelism;
        this.maxConcurrentLookups = b.maxConcurrentLookups;
        this.stopDnsjavaNioOnClose = b.stopDnsjavaNioOnClose;
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
        return cache.check(DomainStatusCache.keyOf(asciiDomain));
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
     * starts, so a long list does not turn into timeouts. The returned future completes on the configured
     * {@link Builder#executor(Executor)}, never on the checker's deadline thread.
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
        return BulkCheck.run(this, executor, new ArrayList<>(new LinkedHashSet<>(asciiDomains)), parallelism);
    }

    /**
     * @return the most DNS questions this checker has in flight at once ({@link Builder#maxConcurrentLookups(int)}),
     *     for a caller that keeps domains in flight in bulk: a new domain asks up to three questions (MX, then A and
     *     AAAA of a mail host), so a third of this many domains at once keeps every question out of the queue
     */
    public int maxConcurrentLookups() {
        return maxConcurrentLookups;
    }

    /** @return a snapshot of the counters */
    public Stats stats() {
        return new Stats(cache.hits.sum(), cache.misses.sum(), cache.lookups.sum(), queries.queriesSent.sum(),
                cache.timeouts.sum(), cache.failures.sum(), cache.evictions(), cache.estimatedSize());
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
     * empties the caches, closes the UDP sockets and their selector thread and, when this is the last open checker,
     * stops dnsjava's NIO selector thread
     * ({@code NioClient.close()}; dnsjava restarts it if anything in the JVM queries again). Idempotent.
     */
    @Override
    public void close() {
        if (!cache.close()) {
            return;
        }
        queries.close();
        if (stopDnsjavaNioOnClose) {
            DnsjavaNio.release();
        }
    }

    /** Test and benchmark hook: stores a result as if DNS had answered it. */
    void prime(String asciiDomain, MailDomainStatus status, Duration ttl) {
        cache.prime(asciiDomain, status, ttl);
    }

    /** Test hook: the questions' counters (open sockets). */
    DnsQueries queries() {
        return queries;
    }

    /** Test hook: runs Caffeine's pending maintenance (evictions) now. */
    void cleanUp() {
        cache.cleanUp();
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
        private Duration indeterminateTtl = Duration.ofSeconds(30);
        private long maximumCacheSize = 10_000;
        private int maxConcurrentLookups = 64;
        private int bulkParallelism = 16;
        private Ticker ticker = Ticker.systemTicker();
        private Executor executor = ForkJoinPool.commonPool();
        private boolean stopDnsjavaNioOnClose = true;
        private LookupListener lookupListener;
        private List<org.xbill.DNS.Name> canaries = ResolverHonesty.canaryNames(ResolverHonesty.DEFAULT_CANARIES);

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
         * How long an indeterminate outcome (timeout, deadline, SERVFAIL, an unreliable resolver…) is remembered
         * for its domain (default 30 s): the other checks of a slow domain get it at once instead of each waiting
         * for the deadline again. Not bounded by {@link #minTtl}. Zero asks DNS again at every check.
         *
         * @param indeterminateTtl zero or more
         * @return this builder
         */
        public Builder indeterminateTtl(Duration indeterminateTtl) {
            Objects.requireNonNull(indeterminateTtl, "indeterminateTtl");
            if (indeterminateTtl.isNegative()) {
                throw new IllegalArgumentException("indeterminateTtl must not be negative: " + indeterminateTtl);
            }
            this.indeterminateTtl = indeterminateTtl;
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
         * without blocking a thread, within their check's deadline. Each question in flight has one UDP socket, closed
         * when it is answered, times out or its check ends, so at most this many UDP sockets are open. In bulk, keep
         * a third as many domains in flight as this (a new domain asks MX, then A and AAAA of a mail host), so that
         * no question waits for a slot and the deadline measures DNS, not the queue.
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
         * The time source of cache expiry (default the system ticker); tests pass a fake one. Package-private:
         * Caffeine's type is not part of this module's API. The deadline always uses real time.
         */
        Builder ticker(Ticker ticker) {
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
         * Domains whose MX records must exist, asked when the resolver first denies a name without proof (an
         * NXDOMAIN or NODATA answer without the zone's SOA record, RFC 2308), as a sinkhole, captive or offline
         * resolver does for every name. If the resolver denies the canaries too, or denies almost every name
         * asked without proof, such answers give {@code Indeterminate} with
         * {@link MailDomainStatus.Indeterminate#resolverUnreliable()} instead of a negative status. Answers that
         * carry an SOA are always believed. Default: gmail.com, outlook.com, yahoo.com. Point it at names your
         * resolver serves when it has no internet (a test resolver); an empty list believes every negative answer
         * the rate test lets through.
         *
         * @param domains domain names in ASCII, without trailing dot
         * @return this builder
         */
        public Builder canaryDomains(List<String> domains) {
            Objects.requireNonNull(domains, "canaryDomains");
            this.canaries = ResolverHonesty.canaryNames(domains);
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
            return new DnsMailDomainChecker(this, resolver());
        }

        /**
         * The resolver these settings describe (servers, retries, the deadline as the time budget of one
         * question) over a given transport, also used by {@link SenderCheck}. The servers are read now.
         */
        Function<UdpTransport, Resolver> resolver() {
            List<InetSocketAddress> targets = servers.isEmpty()
                    ? ResolverConfig.getCurrentConfig().servers() : List.copyOf(servers);
            if (targets.isEmpty()) {
                throw new IllegalStateException("no DNS server configured and none found in the system");
            }
            int tries = retries;
            Duration budget = deadline;
            return io -> Resolvers.extended(targets, tries, budget, io);
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
