package io.github.customeremail.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.customeremail.MailDomainStatus;
import io.github.customeremail.MailDomainStatus.HasMx;
import io.github.customeremail.MailDomainStatus.ImplicitMx;
import io.github.customeremail.MailDomainStatus.Indeterminate;
import io.github.customeremail.MailDomainStatus.NoMailHost;
import io.github.customeremail.MailDomainStatus.NoPublicMailHost;
import io.github.customeremail.MailDomainStatus.NoSuchDomain;
import io.github.customeremail.MailDomainStatus.NullMx;
import io.github.customeremail.dns.testing.LoopbackDnsServer;
import io.github.customeremail.dns.testing.LoopbackDnsServer.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/** The checker against a real DNS server on 127.0.0.1 (in-process, with fault injection). */
class DnsMailDomainCheckerTest {

    static final String PUBLIC_IP = "11.22.33.44";
    /** For tests whose point is a deadline passing: short, so they are quick. */
    static final Duration DEADLINE = Duration.ofMillis(600);
    /**
     * For tests that expect an answer: generous, so a loaded machine (CI, parallel builds) never turns an answer
     * into a timeout. No test depends on timing to pass.
     */
    static final Duration ANSWER_DEADLINE = Duration.ofSeconds(10);
    /** Generous: the assertion is that the deadline holds, not how precisely. */
    static final long MARGIN_MILLIS = 2_000;

    static LoopbackDnsServer dns;

    FakeTicker ticker;
    DnsMailDomainChecker checker;

    @BeforeAll
    static void startServer() throws Exception {
        dns = LoopbackDnsServer.start();
        dns.soa("test", 3600, 60)
                .mx("example.test", 10, "mail.example.test").a("mail.example.test", PUBLIC_IP)
                .nullMx("nullmx.test", 300)
                .a("implicit.test", PUBLIC_IP)
                .aaaa("implicit6.test", "2a00:1450:4001::1b")
                .a("implicit-private.test", "192.168.1.10")
                .txt("nodata.test", "v=spf1 -all")
                .mx("loopback.test", 10, "mx.loopback.test").a("mx.loopback.test", "127.0.0.1")
                .mx("private.test", 10, "mx.private.test").a("mx.private.test", "10.1.2.3")
                .aaaa("mx.private.test", "fd00::25")
                .mx("hostless.test", 10, "nowhere.hostless.test")
                .mx("mixed.test", 5, "internal.mixed.test").a("internal.mixed.test", "172.16.5.5")
                .mx("mixed.test", 10, "external.mixed.test").a("external.mixed.test", PUBLIC_IP)
                .cname("chain.test", "hop1.chain.test").cname("hop1.chain.test", "hop2.chain.test")
                .mx("hop2.chain.test", 10, "mail.example.test")
                .cname("loop.test", "loop2.test").cname("loop2.test", "loop.test")
                .mx("mxcname.test", 10, "alias.mxcname.test").cname("alias.mxcname.test", "mail.example.test")
                .mx("dropped.test", 10, "mail.example.test").fault("dropped.test", Fault.drop())
                .mx("slow.test", 10, "mail.example.test").fault("slow.test", Fault.delay(Duration.ofMillis(150)))
                .mx("tooslow.test", 10, "mail.example.test")
                .fault("tooslow.test", Fault.delay(Duration.ofMillis(3_000)))
                .mx("servfail.test", 10, "mail.example.test").fault("servfail.test", Fault.servfail())
                .mx("refused.test", 10, "mail.example.test").fault("refused.test", Fault.refused())
                .mx("garbage.test", 10, "mail.example.test").fault("garbage.test", Fault.garbage())
                .mx("truncated.test", 10, "mail.example.test").fault("truncated.test", Fault.truncateUdp())
                .mx("hostdrop.test", 10, "mx.hostdrop.test").fault("mx.hostdrop.test", Fault.drop())
                .mx("ttl.test", 10, "mail.example.test", 300)
                .mx("shared1.test", 10, "mx.shared.test").mx("shared2.test", 10, "mx.shared.test")
                .a("mx.shared.test", PUBLIC_IP)
                .mx("coalesce.test", 10, "mail.example.test")
                .fault("coalesce.test", Fault.delay(Duration.ofMillis(300)));
    }

    @AfterAll
    static void stopServer() {
        dns.close();
    }

    @BeforeEach
    void newChecker() {
        ticker = new FakeTicker();
        checker = builder().build();
        dns.resetCounts();
    }

    void useShortDeadline() {
        checker.close();
        checker = builder().deadline(DEADLINE).build();
    }

    DnsMailDomainChecker.Builder builder() {
        return DnsMailDomainChecker.builder()
                .server("127.0.0.1", dns.port())
                .deadline(ANSWER_DEADLINE)
                .minTtl(Duration.ofSeconds(1))
                .maxTtl(Duration.ofHours(1))
                .negativeTtl(Duration.ofSeconds(30))
                .ticker(ticker);
    }

    @AfterEach
    void closeChecker() {
        checker.close();
    }

    MailDomainStatus check(String domain) {
        return checker.check(domain).orTimeout(10, TimeUnit.SECONDS).join();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Outcomes

    @Test
    void mxWithPublicHost() {
        assertThat(check("example.test")).isEqualTo(new HasMx(List.of("mail.example.test")));
        assertThat(dns.queryCount("example.test", Type.MX)).isEqualTo(1);
        assertThat(dns.queryCount("mail.example.test", Type.A)).isEqualTo(1);
    }

    @Test
    void nullMx() {
        assertThat(check("nullmx.test")).isEqualTo(new NullMx());
        assertThat(dns.queryCount("nullmx.test", Type.A)).isZero();
    }

    @Test
    void implicitMxFromAOrAaaa() {
        assertThat(check("implicit.test")).isEqualTo(new ImplicitMx());
        assertThat(check("implicit6.test")).isEqualTo(new ImplicitMx());
    }

    @Test
    void implicitMxToPrivateAddressIsNotPublic() {
        assertThat(check("implicit-private.test")).isEqualTo(new NoPublicMailHost(List.of("implicit-private.test")));
    }

    @Test
    void nxdomain() {
        assertThat(check("nosuch.test")).isEqualTo(new NoSuchDomain());
    }

    @Test
    void nodataForMxAndAddresses() {
        assertThat(check("nodata.test")).isEqualTo(new NoMailHost());
    }

    @Test
    void mxToLoopbackOrPrivateOrNoAddressIsNotPublic() {
        assertThat(check("loopback.test")).isEqualTo(new NoPublicMailHost(List.of("mx.loopback.test")));
        assertThat(check("private.test")).isEqualTo(new NoPublicMailHost(List.of("mx.private.test")));
        assertThat(check("hostless.test")).isEqualTo(new MailDomainStatus.NoSuchMailHost(List.of("nowhere.hostless.test")));
    }

    @Test
    void onePublicHostIsEnough() {
        assertThat(check("mixed.test"))
                .isEqualTo(new HasMx(List.of("internal.mixed.test", "external.mixed.test")));
    }

    @Test
    void cnameChainsAreFollowed() {
        assertThat(check("chain.test")).isEqualTo(new HasMx(List.of("mail.example.test")));
        assertThat(check("mxcname.test")).isEqualTo(new HasMx(List.of("alias.mxcname.test")));
    }

    @Test
    void cnameLoopIsIndeterminate() {
        assertThat(check("loop.test")).isInstanceOf(Indeterminate.class);
    }

    @Test
    void additionalSectionSavesTheAddressQueries() throws Exception {
        try (LoopbackDnsServer glue = LoopbackDnsServer.start();
             DnsMailDomainChecker c = DnsMailDomainChecker.builder().server("127.0.0.1", glue.port())
                     .deadline(DEADLINE).build()) {
            glue.additionalAddresses(true).mx("glue.test", 10, "mx.glue.test").a("mx.glue.test", PUBLIC_IP);
            assertThat(c.check("glue.test").join()).isEqualTo(new HasMx(List.of("mx.glue.test")));
            assertThat(glue.queryCount("mx.glue.test", Type.A)).isZero();
            assertThat(glue.totalQueries()).isEqualTo(1);
        }
    }

    @Test
    void uppercaseAndTrailingDotAreTheSameDomain() {
        assertThat(check("Example.TEST.")).isEqualTo(new HasMx(List.of("mail.example.test")));
        assertThat(check("example.test")).isEqualTo(new HasMx(List.of("mail.example.test")));
        assertThat(checker.stats().hits()).isEqualTo(1);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Faults and the deadline

    @Test
    void droppedQueryGivesIndeterminateWithinTheDeadline() {
        useShortDeadline();
        long start = System.nanoTime();
        MailDomainStatus status = check("dropped.test");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(status).isInstanceOf(Indeterminate.class);
        assertThat(((Indeterminate) status).reason()).isIn("deadline", "timeout");
        assertThat(millis).isLessThan(DEADLINE.toMillis() + MARGIN_MILLIS);
        assertThat(checker.stats().timeouts()).isEqualTo(1);
    }

    @Test
    void droppedMailHostQueryGivesIndeterminate() {
        useShortDeadline();
        MailDomainStatus status = check("hostdrop.test");
        assertThat(status).isInstanceOf(Indeterminate.class);
    }

    @Test
    void slowAnswerWithinTheDeadlineIsUsed() {
        assertThat(check("slow.test")).isEqualTo(new HasMx(List.of("mail.example.test")));
    }

    @Test
    void answerAfterTheDeadlineIsIndeterminate() {
        useShortDeadline();
        long start = System.nanoTime();
        assertThat(check("tooslow.test")).isEqualTo(new Indeterminate("deadline"));
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start))
                .isLessThan(DEADLINE.toMillis() + MARGIN_MILLIS);
    }

    @Test
    void servfailAndRefusedAreIndeterminateAndNotCachedWithoutAnIndeterminateTtl() {
        checker.close();
        checker = builder().indeterminateTtl(Duration.ZERO).build();
        assertThat(check("servfail.test")).isEqualTo(new Indeterminate("SERVFAIL"));
        assertThat(check("servfail.test")).isEqualTo(new Indeterminate("SERVFAIL"));
        assertThat(check("refused.test")).isEqualTo(new Indeterminate("REFUSED"));
        DnsMailDomainChecker.Stats stats = checker.stats();
        assertThat(stats.lookups()).isEqualTo(3);
        assertThat(stats.failures()).isEqualTo(3);
        assertThat(stats.hits()).isZero();
        assertThat(dns.queryCount("servfail.test", Type.MX)).isEqualTo(2);
    }

    @Test
    void anIndeterminateOutcomeIsRememberedForTheIndeterminateTtlOnly() {
        checker.close();
        checker = builder().indeterminateTtl(Duration.ofSeconds(30)).build();
        assertThat(check("servfail.test")).isEqualTo(new Indeterminate("SERVFAIL"));
        ticker.advance(Duration.ofSeconds(29));
        assertThat(check("servfail.test")).isEqualTo(new Indeterminate("SERVFAIL"));
        assertThat(dns.queryCount("servfail.test", Type.MX)).isEqualTo(1);
        assertThat(checker.stats().hits()).isEqualTo(1);
        ticker.advance(Duration.ofSeconds(2));
        assertThat(check("servfail.test")).isEqualTo(new Indeterminate("SERVFAIL"));
        assertThat(dns.queryCount("servfail.test", Type.MX)).isEqualTo(2);
    }

    @Test
    void aDroppedDomainCostsOneDeadlineForManyChecks() {
        useShortDeadline();
        for (int i = 0; i < 5; i++) {
            assertThat(check("dropped.test")).isInstanceOf(Indeterminate.class);
        }
        assertThat(checker.stats().lookups()).isEqualTo(1);
        assertThat(checker.stats().timeouts()).isEqualTo(1);
    }

    @Test
    void garbageIsIndeterminate() {
        // An unreadable reply is ignored like any datagram that does not answer the question, so the check ends at
        // its deadline: a short one, well inside the test's own wait.
        useShortDeadline();
        MailDomainStatus status = check("garbage.test");
        assertThat(status).isInstanceOf(Indeterminate.class);
        assertThat(((Indeterminate) status).reason()).isIn("garbled reply", "deadline");
    }

    @Test
    void truncatedUdpAnswerIsRetriedOverTcp() {
        assertThat(check("truncated.test")).isEqualTo(new HasMx(List.of("mail.example.test")));
        assertThat(dns.tcpQueries()).isEqualTo(1);
        assertThat(dns.queryCount("truncated.test", Type.MX)).isEqualTo(2); // UDP, then TCP
    }

    @Test
    void deadFailedServerIsIndeterminateNotAnException() throws Exception {
        int unusedPort;
        try (LoopbackDnsServer gone = LoopbackDnsServer.start()) {
            unusedPort = gone.port();
        }
        try (DnsMailDomainChecker c = DnsMailDomainChecker.builder().server("127.0.0.1", unusedPort)
                .deadline(DEADLINE).build()) {
            long start = System.nanoTime();
            MailDomainStatus status = c.check("example.test").join();
            assertThat(status).isInstanceOf(Indeterminate.class);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start))
                    .isLessThan(DEADLINE.toMillis() + MARGIN_MILLIS);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Cache

    @Test
    void positiveAnswerExpiresWithItsTtl() {
        assertThat(check("ttl.test")).isInstanceOf(HasMx.class);
        assertThat(dns.queryCount("ttl.test", Type.MX)).isEqualTo(1);
        ticker.advance(Duration.ofSeconds(299));
        assertThat(check("ttl.test")).isInstanceOf(HasMx.class);
        assertThat(dns.queryCount("ttl.test", Type.MX)).isEqualTo(1);
        ticker.advance(Duration.ofSeconds(2));
        assertThat(check("ttl.test")).isInstanceOf(HasMx.class);
        assertThat(dns.queryCount("ttl.test", Type.MX)).isEqualTo(2);
        DnsMailDomainChecker.Stats stats = checker.stats();
        assertThat(stats.hits()).isEqualTo(1);
        assertThat(stats.misses()).isEqualTo(2);
        assertThat(stats.lookups()).isEqualTo(2);
    }

    /**
     * A domain is cached for the TTL of the records its verdict stands on: the MX record and the public address of
     * a host (300 s here), not the shorter TTL of another address of the host that is not public (60 s). Here the
     * addresses come with the MX answer; a looked-up host's A and AAAA answers are combined the same way
     * ({@link HostAddressesTest}), so the TTL no longer depends on which of them is read first.
     */
    @Test
    void aPrivateAddressWithAShorterTtlDoesNotShortenThePositiveTtl() throws Exception {
        try (LoopbackDnsServer glue = LoopbackDnsServer.start();
             DnsMailDomainChecker c = DnsMailDomainChecker.builder().server("127.0.0.1", glue.port())
                     .deadline(ANSWER_DEADLINE).ticker(ticker).build()) {
            glue.additionalAddresses(true).mx("mixedttl.test", 10, "mx.mixedttl.test", 300)
                    .a("mx.mixedttl.test", PUBLIC_IP, 300).record("mx.mixedttl.test", Type.AAAA, 60, "fd00::25");
            assertThat(c.check("mixedttl.test").get(10, TimeUnit.SECONDS))
                    .isEqualTo(new HasMx(List.of("mx.mixedttl.test")));
            ticker.advance(Duration.ofSeconds(299));
            assertThat(c.check("mixedttl.test").get(10, TimeUnit.SECONDS)).isInstanceOf(HasMx.class);
            assertThat(glue.queryCount("mixedttl.test", Type.MX)).isEqualTo(1);
            ticker.advance(Duration.ofSeconds(2));
            assertThat(c.check("mixedttl.test").get(10, TimeUnit.SECONDS)).isInstanceOf(HasMx.class);
            assertThat(glue.queryCount("mixedttl.test", Type.MX)).isEqualTo(2);
            assertThat(glue.queryCount("mx.mixedttl.test", Type.A)).isZero();
        }
    }

    @Test
    void ttlIsBoundedByMinAndMax() {
        checker.close();
        checker = builder().minTtl(Duration.ofSeconds(600)).maxTtl(Duration.ofSeconds(900)).build();
        check("ttl.test"); // TTL 300 raised to 600
        ticker.advance(Duration.ofSeconds(599));
        check("ttl.test");
        assertThat(dns.queryCount("ttl.test", Type.MX)).isEqualTo(1);
        ticker.advance(Duration.ofSeconds(2));
        check("ttl.test");
        assertThat(dns.queryCount("ttl.test", Type.MX)).isEqualTo(2);

        checker.close();
        dns.resetCounts();
        checker = builder().maxTtl(Duration.ofSeconds(100)).build();
        check("ttl.test"); // TTL 300 lowered to 100
        ticker.advance(Duration.ofSeconds(101));
        check("ttl.test");
        assertThat(dns.queryCount("ttl.test", Type.MX)).isEqualTo(2);
    }

    @Test
    void nxdomainIsCachedForTheSoaMinimum() {
        assertThat(check("gone.test")).isEqualTo(new NoSuchDomain());
        ticker.advance(Duration.ofSeconds(59));
        assertThat(check("gone.test")).isEqualTo(new NoSuchDomain());
        assertThat(dns.queryCount("gone.test", Type.MX)).isEqualTo(1);
        ticker.advance(Duration.ofSeconds(2));
        assertThat(check("gone.test")).isEqualTo(new NoSuchDomain());
        assertThat(dns.queryCount("gone.test", Type.MX)).isEqualTo(2);
    }

    @Test
    void negativeAnswerWithoutSoaUsesTheConfiguredNegativeTtl() throws Exception {
        try (LoopbackDnsServer bare = LoopbackDnsServer.start().negativesWithoutSoa(true)
                     .mx("canary.test", 10, "mx.canary.test");
             DnsMailDomainChecker c = DnsMailDomainChecker.builder().server("127.0.0.1", bare.port())
                     .deadline(DEADLINE).minTtl(Duration.ZERO).negativeTtl(Duration.ofSeconds(30))
                     .canaryDomains(List.of("canary.test")).ticker(ticker).build()) {
            assertThat(c.check("nothing.test").join()).isEqualTo(new NoSuchDomain());
            ticker.advance(Duration.ofSeconds(29));
            c.check("nothing.test").join();
            assertThat(bare.queryCount("nothing.test", Type.MX)).isEqualTo(1);
            ticker.advance(Duration.ofSeconds(2));
            c.check("nothing.test").join();
            assertThat(bare.queryCount("nothing.test", Type.MX)).isEqualTo(2);
        }
    }

    @Test
    void nodataAndNullMxAreCached() {
        check("nodata.test");
        check("nodata.test");
        check("nullmx.test");
        check("nullmx.test");
        assertThat(dns.queryCount("nodata.test", Type.MX)).isEqualTo(1);
        assertThat(dns.queryCount("nullmx.test", Type.MX)).isEqualTo(1);
        assertThat(checker.stats().hits()).isEqualTo(2);
    }

    @Test
    void concurrentMissesShareOneQuery() throws Exception {
        int n = 100;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<MailDomainStatus>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                results.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return checker.check("coalesce.test");
                }, pool).thenCompose(f -> f));
            }
            go.countDown();
            for (CompletableFuture<MailDomainStatus> r : results) {
                assertThat(r.get(10, TimeUnit.SECONDS)).isEqualTo(new HasMx(List.of("mail.example.test")));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(dns.queryCount("coalesce.test", Type.MX)).isEqualTo(1);
        assertThat(dns.queryCount("mail.example.test", Type.A)).isEqualTo(1);
        DnsMailDomainChecker.Stats stats = checker.stats();
        assertThat(stats.lookups()).isEqualTo(1);
        assertThat(stats.hits() + stats.misses()).isEqualTo(n);
    }

    @Test
    void mailHostAddressesAreCachedAcrossDomains() {
        assertThat(check("shared1.test")).isEqualTo(new HasMx(List.of("mx.shared.test")));
        assertThat(check("shared2.test")).isEqualTo(new HasMx(List.of("mx.shared.test")));
        assertThat(dns.queryCount("mx.shared.test", Type.A)).isEqualTo(1);
    }

    @Test
    void sizeBoundEvicts() {
        checker.close();
        checker = builder().maximumCacheSize(2).executor(Runnable::run).build();
        for (String d : List.of("example.test", "nullmx.test", "implicit.test", "nodata.test", "gone.test")) {
            check(d);
        }
        checker.cleanUp();
        DnsMailDomainChecker.Stats stats = checker.stats();
        assertThat(stats.cachedDomains()).isLessThanOrEqualTo(2);
        assertThat(stats.evictions()).isGreaterThanOrEqualTo(3);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Bulk, limits, close

    @Test
    void checkAllKeepsOrderAndAnswersEveryDomain() {
        List<String> domains = List.of("example.test", "nullmx.test", "nosuch.test", "nodata.test", "servfail.test",
                "implicit.test", "loopback.test", "example.test", "slow.test");
        Map<String, MailDomainStatus> result = checker.checkAll(domains, 3).orTimeout(20, TimeUnit.SECONDS).join();
        assertThat(result.keySet()).containsExactly("example.test", "nullmx.test", "nosuch.test", "nodata.test",
                "servfail.test", "implicit.test", "loopback.test", "slow.test");
        assertThat(result.get("example.test")).isInstanceOf(HasMx.class);
        assertThat(result.get("nullmx.test")).isEqualTo(new NullMx());
        assertThat(result.get("nosuch.test")).isEqualTo(new NoSuchDomain());
        assertThat(result.get("servfail.test")).isEqualTo(new Indeterminate("SERVFAIL"));
        assertThat(result.get("slow.test")).isInstanceOf(HasMx.class);
    }

    @Test
    void checkAllOfManyDomainsWithAFewInFlight() {
        List<String> domains = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            domains.add("bulk" + i + ".test");
        }
        Map<String, MailDomainStatus> result = checker.checkAll(domains, 4).orTimeout(30, TimeUnit.SECONDS).join();
        assertThat(result).hasSize(200);
        assertThat(result.values()).allMatch(s -> s.equals(new NoSuchDomain()));
        assertThat(checker.checkAll(List.of()).join()).isEmpty();
    }

    @Test
    void checkAllCompletesOffTheDeadlineThread() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> new Thread(r, "test-executor"));
        try {
            checker.close();
            checker = builder().deadline(DEADLINE).executor(pool).build();
            // The query is dropped: only the deadline, on the checker's own thread, ends the check.
            CompletableFuture<String> completedOn = checker.checkAll(List.of("dropped.test"))
                    .thenApply(result -> Thread.currentThread().getName());
            assertThat(completedOn.get(10, TimeUnit.SECONDS)).isNotEqualTo("customer-email-dns-deadline");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void maxConcurrentLookupsQueuesWithoutFailing() {
        checker.close();
        checker = builder().maxConcurrentLookups(1).build();
        List<CompletableFuture<MailDomainStatus>> all = new ArrayList<>();
        for (String d : List.of("example.test", "nullmx.test", "implicit.test", "nodata.test")) {
            all.add(checker.check(d));
        }
        assertThat(all.get(0).join()).isInstanceOf(HasMx.class);
        assertThat(all.get(1).join()).isEqualTo(new NullMx());
        assertThat(all.get(2).join()).isEqualTo(new ImplicitMx());
        assertThat(all.get(3).join()).isEqualTo(new NoMailHost());
    }

    @Test
    void checkAfterCloseIsIndeterminate() {
        checker.close();
        assertThat(check("example.test")).isEqualTo(new Indeterminate("checker closed"));
        checker.close(); // idempotent
    }

    @Test
    void closeAnswersChecksInFlight() {
        CompletableFuture<MailDomainStatus> pending = checker.check("dropped.test");
        checker.close();
        assertThat(pending.orTimeout(5, TimeUnit.SECONDS).join()).isEqualTo(new Indeterminate("checker closed"));
    }

    @Test
    void primedEntryIsAHitWithoutAllocationOfANewFuture() {
        checker.prime("primed.test", new HasMx(List.of("mx.primed.test")), Duration.ofMinutes(5));
        CompletableFuture<MailDomainStatus> first = checker.check("primed.test");
        assertThat(checker.check("primed.test")).isSameAs(first);
        assertThat(first.join()).isEqualTo(new HasMx(List.of("mx.primed.test")));
        assertThat(dns.totalQueries()).isZero();
    }
}
