package io.github.customeremail.dns;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Checks that the company's own sending domain is ready to send through Amazon SES: SPF, DKIM, DMARC, the custom
 * MAIL FROM domain and, when configured, blocklists.
 *
 * <pre>{@code
 * try (SenderCheck sender = SenderCheck.builder().blocklist("KEY.dbl.dq.spamhaus.net").build()) {
 *     SenderReport report = sender.check(SenderDomain.builder("tumatera.com")
 *             .sesRegion("us-east-1").sesDkimTokens(t1, t2, t3).mailFrom("bounce").build()).join();
 *     for (SenderFinding f : report.checks()) {
 *         System.out.println(f.status() + " " + f.name() + ": " + f.message(Locale.forLanguageTag("es")));
 *     }
 * }
 * }</pre>
 *
 * <h2>What is checked</h2>
 * <ul>
 *   <li><b>SPF</b> ({@code spf*}): exactly one {@code v=spf1} record, strict RFC 7208 syntax; DNS-querying terms
 *       ≤ 10 and void lookups ≤ 2, counted statically through include and redirect (an {@code mx} counts once,
 *       and more than 10 MX names behind it is an error); the includes that could not be read, each with why;
 *       the final {@code all};
 *       whether Amazon SES is authorized ({@code include:amazonses.com}), required only when the domain itself
 *       is the envelope sender.</li>
 *   <li><b>DKIM</b> ({@code dkim.SELECTOR}, {@code dkim.ses.TOKEN}): the key record of each configured selector
 *       exists and parses, and its RSA key length (Ed25519 keys have one length); each SES Easy DKIM token's
 *       CNAME points to {@code TOKEN.dkim.amazonses.com}, and the key behind it parses. When every working key
 *       is Ed25519, an RSA selector beside it is recommended (RFC 8463).</li>
 *   <li><b>DMARC</b> ({@code dmarc*}): one record at {@code _dmarc.DOMAIN}, strictly parsed; {@code p=none} is a
 *       warning; {@code pct}, {@code sp}; external {@code rua}/{@code ruf} destinations need their
 *       authorization record; alignment: with SES's default MAIL FROM ({@code amazonses.com}) SPF cannot align,
 *       so DMARC rests on DKIM.</li>
 *   <li><b>MAIL FROM</b> ({@code mail-from*}): a custom MAIL FROM domain needs the MX
 *       {@code feedback-smtp.REGION.amazonses.com} and its own SPF authorizing SES.</li>
 *   <li><b>Blocklists</b> ({@code blocklist*}): only the configured zones; IP lists only for the configured own
 *       sending IPs. An operator's refusal (Spamhaus 127.255.255.x, URIBL 127.0.0.1) is {@code UNKNOWN}.</li>
 * </ul>
 *
 * <h2>Honesty, deadline, threads</h2>
 * A question that gets no usable answer (timeout, SERVFAIL, REFUSED, garbage, the deadline) makes its check
 * {@link SenderStatus#UNKNOWN}, never "missing"; NXDOMAIN and NODATA are answers. Each question is bounded by the
 * query timeout (default 2 s, retries included) and the whole check by the deadline (default 10 s); the returned
 * future never completes exceptionally. Nothing is cached: a sender check is run now and then, not per address.
 * Uses the same resolver settings as {@link DnsMailDomainChecker}. Thread-safe.
 */
public final class SenderCheck implements AutoCloseable {

    private final DnsQueries queries;
    private final List<BlocklistZone> zones;
    private final long deadlineNanos;
    private final Executor executor;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SenderCheck(Builder b) {
        this.queries = new DnsQueries(b.resolver.resolver(), b.executor, b.maxConcurrentQueries);
        this.zones = List.copyOf(b.zones);
        this.deadlineNanos = b.deadline.toNanos();
        this.executor = b.executor;
        DnsjavaNio.acquire();
    }

    /** @return a builder: system resolvers, 2 s per question, 10 s per domain, no blocklist */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks one sending domain.
     *
     * @param domain the domain and how mail leaves from it
     * @return the report, within the deadline; never completes exceptionally
     * @throws NullPointerException if domain is null
     */
    public CompletableFuture<SenderReport> check(SenderDomain domain) {
        Objects.requireNonNull(domain, "domain");
        CompletableFuture<Void> scope = new CompletableFuture<>();
        if (closed.get()) {
            scope.complete(null); // every question answers "deadline": all unknown
        } else {
            CompletableFuture.delayedExecutor(deadlineNanos, TimeUnit.NANOSECONDS, executor)
                    .execute(() -> scope.complete(null));
        }
        SenderDns dns = new SenderDns(queries, scope);
        CompletableFuture<List<SenderFinding>> spf = SpfAnalysis.check(dns, "spf", domain.domain(),
                domain.envelopeDomain());
        CompletableFuture<List<SenderFinding>> dkim = DkimChecks.check(dns, domain);
        CompletableFuture<DmarcChecks.Read> dmarc = DmarcChecks.read(dns, domain);
        CompletableFuture<List<SenderFinding>> mailFrom = MailFromChecks.check(dns, domain);
        CompletableFuture<List<SenderFinding>> blocklists = BlocklistChecks.check(dns, domain, zones);
        return CompletableFuture.allOf(spf, dkim, dmarc, mailFrom, blocklists).handle((x, error) -> {
            scope.complete(null); // frees the permits of anything still in flight
            if (error != null) {
                return new SenderReport(domain.domain(), List.of(SenderFinding.of("sender", SenderCode.SPF_UNKNOWN,
                        "domain", domain.domain(), "reason", "internal error: " + error.getClass().getSimpleName())));
            }
            List<SenderFinding> all = new ArrayList<>(spf.join());
            all.addAll(dkim.join());
            DmarcChecks.Read d = dmarc.join();
            all.addAll(d.findings());
            if (d.record() != null) {
                all.add(DmarcChecks.alignment(d.record(), domain, dkim.join()));
            }
            all.addAll(mailFrom.join());
            all.addAll(blocklists.join());
            return new SenderReport(domain.domain(), all);
        });
    }

    /**
     * Closes its UDP sockets and their selector thread, and stops dnsjava's NIO selector thread (TCP) when no other
     * checker of this module is open. Idempotent.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            queries.close();
            DnsjavaNio.release();
        }
    }

    /** Configures a {@link SenderCheck}; not thread-safe. */
    public static final class Builder {
        private final DnsMailDomainChecker.Builder resolver = DnsMailDomainChecker.builder();
        private Duration deadline = Duration.ofSeconds(10);
        private Executor executor = ForkJoinPool.commonPool();
        private int maxConcurrentQueries = 16;
        private final List<BlocklistZone> zones = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds a DNS server (a recursive resolver); without any, the system's are used.
         *
         * @param host an IP address literal
         * @param port usually 53
         * @return this builder
         * @throws IllegalArgumentException if host is not an IP literal or the port is out of range
         */
        public Builder server(String host, int port) {
            resolver.server(host, port);
            return this;
        }

        /**
         * Adds a DNS server.
         *
         * @param server a resolved socket address
         * @return this builder
         */
        public Builder server(InetSocketAddress server) {
            resolver.server(server);
            return this;
        }

        /**
         * How many times a question is re-sent after a timeout (default 1), within the query timeout.
         *
         * @param retries 0 or more
         * @return this builder
         */
        public Builder retries(int retries) {
            resolver.retries(retries);
            return this;
        }

        /**
         * The time budget of one question, retries included (default 2 s); then it is unknown.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder queryTimeout(Duration timeout) {
            resolver.deadline(timeout);
            return this;
        }

        /**
         * The hard deadline of one domain's whole check (default 10 s): what has not been answered by then is
         * unknown.
         *
         * @param deadline a positive duration
         * @return this builder
         */
        public Builder deadline(Duration deadline) {
            Objects.requireNonNull(deadline, "deadline");
            if (deadline.isNegative() || deadline.isZero()) {
                throw new IllegalArgumentException("deadline must be positive: " + deadline);
            }
            this.deadline = deadline;
            return this;
        }

        /**
         * The most questions in flight at once (default 16).
         *
         * @param max 1 or more
         * @return this builder
         */
        public Builder maxConcurrentQueries(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxConcurrentQueries must be positive: " + max);
            }
            this.maxConcurrentQueries = max;
            return this;
        }

        /**
         * Where dnsjava's callbacks and the checks' logic run (default the common fork-join pool).
         *
         * @param executor the executor
         * @return this builder
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * Adds a blocklist zone to query; none is queried by default (read the operator's terms first). Known
         * zones are recognized ({@code dbl.spamhaus.org} lists domains, {@code zen.spamhaus.org} IPs, a Spamhaus
         * DQS zone {@code KEY.dbl.dq.spamhaus.net} by its suffix…); write {@code domain:ZONE} or {@code ip:ZONE}
         * for others.
         *
         * @param zone the zone
         * @return this builder
         * @throws IllegalArgumentException naming the setting if the zone is not a name, or unknown without prefix
         */
        public Builder blocklist(String zone) {
            zones.add(BlocklistZone.parse(zone));
            return this;
        }

        /**
         * @return the checker; close it when done
         * @throws IllegalStateException if no server is configured and the system has none
         */
        public SenderCheck build() {
            return new SenderCheck(this);
        }
    }
}
