package io.github.customeremail.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.customeremail.MailDomainStatus;
import io.github.customeremail.MailDomainStatus.HasMx;
import io.github.customeremail.MailDomainStatus.ImplicitMx;
import io.github.customeremail.MailDomainStatus.NoSuchDomain;
import io.github.customeremail.MailDomainStatus.NullMx;
import io.github.customeremail.dns.testing.LoopbackDnsServer;
import io.github.customeremail.dns.testing.LoopbackDnsServer.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xbill.DNS.Type;

/**
 * The domain cache under contention: 8 threads × 1 000 checks over 200 distinct domains (four kinds of answer, half
 * of them answered 100 ms late so that many checks join lookups in flight) make exactly one MX query per domain and
 * one A query per mail host, every future completes (with a timeout, so a deadlock or a lost future fails instead
 * of hanging) and every answer is right.
 */
class CacheContentionTest {

    static final int THREADS = 8;
    static final int CHECKS_PER_THREAD = 1_000;
    static final int DOMAINS = 200;
    static final String PUBLIC_IP = "11.22.33.44";

    static String domain(int i) {
        return "d" + i + ".contention.test";
    }

    static MailDomainStatus expected(int i) {
        return switch (i % 4) {
            case 0 -> new HasMx(List.of("mx" + i + ".hosts.test"));
            case 1 -> new NullMx();
            case 2 -> new NoSuchDomain();
            default -> new ImplicitMx();
        };
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void manyThreadsOverFewDomainsMakeOneQueryPerDomainAndType() throws Exception {
        try (LoopbackDnsServer dns = LoopbackDnsServer.start()) {
            dns.soa("test", 3600, 600);
            for (int i = 0; i < DOMAINS; i++) {
                String d = domain(i);
                switch (i % 4) {
                    case 0 -> dns.mx(d, 10, "mx" + i + ".hosts.test").a("mx" + i + ".hosts.test", PUBLIC_IP);
                    case 1 -> dns.nullMx(d, 300);
                    case 2 -> { } // NXDOMAIN
                    default -> dns.a(d, PUBLIC_IP);
                }
                if (i % 2 == 0) {
                    dns.fault(d, Fault.delay(Duration.ofMillis(100)));
                }
            }
            DnsMailDomainChecker checker = DnsMailDomainChecker.builder()
                    .server("127.0.0.1", dns.port())
                    .deadline(Duration.ofSeconds(10)) // generous: this test is about coalescing, not deadlines
                    .build();
            List<List<CompletableFuture<MailDomainStatus>>> perThread = new ArrayList<>();
            List<List<Integer>> asked = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> workers = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    List<Integer> order = new ArrayList<>();
                    for (int k = 0; k < CHECKS_PER_THREAD; k++) {
                        order.add(k % DOMAINS);
                    }
                    Collections.shuffle(order, new Random(1_000 + t));
                    List<CompletableFuture<MailDomainStatus>> futures = Collections.synchronizedList(new ArrayList<>());
                    perThread.add(futures);
                    asked.add(order);
                    workers.add(pool.submit(() -> {
                        go.await();
                        for (int i : order) {
                            futures.add(checker.check(domain(i)));
                        }
                        return null;
                    }));
                }
                go.countDown();
                for (Future<?> w : workers) {
                    try {
                        w.get(30, TimeUnit.SECONDS);
                    } catch (TimeoutException e) {
                        fail("a checking thread was blocked for 30 s: check() must never block");
                    }
                }
                List<CompletableFuture<MailDomainStatus>> all = new ArrayList<>();
                perThread.forEach(all::addAll);
                assertThat(all).hasSize(THREADS * CHECKS_PER_THREAD);
                try {
                    CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0])).get(30, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    long pending = all.stream().filter(f -> !f.isDone()).count();
                    fail(pending + " futures never completed (lost or deadlocked)");
                }
                for (int t = 0; t < THREADS; t++) {
                    for (int k = 0; k < CHECKS_PER_THREAD; k++) {
                        int i = asked.get(t).get(k);
                        assertThat(perThread.get(t).get(k).join()).as(domain(i)).isEqualTo(expected(i));
                    }
                }
            } finally {
                pool.shutdownNow();
            }

            for (int i = 0; i < DOMAINS; i++) {
                String d = domain(i);
                assertThat(dns.queryCount(d, Type.MX)).as("MX queries for %s", d).isEqualTo(1);
                if (i % 4 == 0) {
                    assertThat(dns.queryCount("mx" + i + ".hosts.test", Type.A)).as("A of its host").isEqualTo(1);
                    // AAAA is asked together with A, but skipped when the A answer settled the check first
                    assertThat(dns.queryCount("mx" + i + ".hosts.test", Type.AAAA)).isLessThanOrEqualTo(1);
                    assertThat(dns.queryCount(d, Type.A)).isZero();
                } else if (i % 4 == 3) {
                    assertThat(dns.queryCount(d, Type.A)).as("A of implicit-MX %s", d).isEqualTo(1);
                    assertThat(dns.queryCount(d, Type.AAAA)).isLessThanOrEqualTo(1);
                } else {
                    assertThat(dns.queryCount(d, Type.A)).as("no address query for %s", d).isZero();
                }
            }
            DnsMailDomainChecker.Stats stats = checker.stats();
            System.out.printf("CacheContentionTest: %d checks, %d queries, stats %s%n", THREADS * CHECKS_PER_THREAD,
                    dns.totalQueries(), stats);
            assertThat(stats.lookups()).isEqualTo(DOMAINS);
            assertThat(stats.hits() + stats.misses()).isEqualTo((long) THREADS * CHECKS_PER_THREAD);
            assertThat(stats.timeouts()).isZero();
            assertThat(stats.failures()).isZero();

            // A second round is served from the cache alone.
            int before = dns.totalQueries();
            for (int i = 0; i < DOMAINS; i++) {
                CompletableFuture<MailDomainStatus> f = checker.check(domain(i));
                assertThat(f).isDone();
                assertThat(f.join()).isEqualTo(expected(i));
            }
            assertThat(dns.totalQueries()).isEqualTo(before);
            checker.close();
        }
    }
}
