package io.github.customeremail.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.customeremail.CustomerEmailValidator;
import io.github.customeremail.EmailCheck;
import io.github.customeremail.FindingCode;
import io.github.customeremail.Verdict;
import io.github.customeremail.dns.testing.LoopbackDnsServer;
import io.github.customeremail.dns.testing.LoopbackDnsServer.Fault;
import io.github.customeremail.testing.Weighted;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * DNS chaos through the facade: the loopback responder drops, delays past the deadline, SERVFAILs or garbles the
 * answers of a fixed-seed random ~20 % of the domains while 10 000 addresses are checked with
 * {@link CustomerEmailValidator#checkAsync(String)} (a bounded window in flight, as a CSV audit would). Then:
 * <ul>
 *   <li>every address has a verdict: UNKNOWN (DNS_INDETERMINATE) exactly where its domain was faulted, and the
 *       scripted truth (VALID / INVALID with the right finding) everywhere else;</li>
 *   <li>no check took longer than the deadline plus a generous margin (measured per future);</li>
 *   <li>with the faults removed, every faulted domain gets its true answer: no failure was cached;</li>
 *   <li>after {@code close()} no thread of ours (or dnsjava's) is left.</li>
 * </ul>
 * A healthy domain that runs out of its deadline (a machine busy enough that a loopback answer takes longer) gets
 * an honest UNKNOWN: that is counted as late, not wrong, must stay rare, and the domain is re-checked after the
 * faults are gone like the faulted ones.
 */
class DnsChaosTest {

    static final long SEED = 0xC4A05L;
    static final int ADDRESSES = 10_000;
    static final int DOMAINS = 1_000;
    static final double FAULT_SHARE = 0.20;
    /** Healthy loopback answers take tens of ms (slowest seen: 191 ms under load); 500 ms leaves room on CI. */
    static final Duration DEADLINE = Duration.ofMillis(500);
    static final long MARGIN_MILLIS = 1_500;
    /** Checks in flight at once. */
    static final int WINDOW = 24;
    /** Healthy checks allowed to run out of their deadline on a busy machine; a systematic fault is far above. */
    static final double LATE_HEALTHY_SHARE = 0.02;
    static final String PUBLIC_IP = "11.22.33.44";
    static final int SHARED_HOSTS = 8;

    /** What the zone says about a domain, and so what the validator must answer when DNS works. */
    enum Truth {
        MX_SHARED_HOST(Verdict.VALID, null),
        MX_OWN_HOST(Verdict.VALID, null),
        IMPLICIT_MX(Verdict.VALID, FindingCode.IMPLICIT_MX),
        NULL_MX(Verdict.INVALID, FindingCode.NULL_MX),
        NXDOMAIN(Verdict.INVALID, FindingCode.DOMAIN_NOT_FOUND),
        NODATA(Verdict.INVALID, FindingCode.NO_MAIL_HOST),
        PRIVATE_HOST(Verdict.INVALID, FindingCode.MAIL_HOST_NOT_PUBLIC);

        final Verdict verdict;
        final FindingCode finding;

        Truth(Verdict verdict, FindingCode finding) {
            this.verdict = verdict;
            this.finding = finding;
        }
    }

    enum Chaos { NONE, DROP, DELAY, SERVFAIL, GARBAGE }

    static String domain(int i) {
        return "cliente" + i + ".ejemplo.com";
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void bulkCheckUnderDnsChaosKeepsWorkingAndLosesNothing() throws Exception {
        Random random = new Random(SEED);
        Truth[] truth = new Truth[DOMAINS];
        Chaos[] chaos = new Chaos[DOMAINS];
        int[] addressDomain = new int[ADDRESSES];
        String[] addresses = new String[ADDRESSES];
        Set<String> ourThreadsBefore = new LinkedHashSet<>(ThreadCleanupTest.dnsThreads());
        assertThat(ourThreadsBefore).as("no checker of another test may be open").isEmpty();

        try (LoopbackDnsServer dns = LoopbackDnsServer.start()) {
            for (int w = 0; w < 20; w++) {
                dns.mx("warm" + w + ".ejemplo.com", 10, "mx0.mailhost.ejemplo.net");
            }
            for (int h = 0; h < SHARED_HOSTS; h++) {
                dns.a("mx" + h + ".mailhost.ejemplo.net", PUBLIC_IP);
            }
            for (int i = 0; i < DOMAINS; i++) {
                String d = domain(i);
                truth[i] = Truth.values()[Weighted.pick(random, 35, 15, 10, 10, 10, 10, 10)];
                switch (truth[i]) {
                    case MX_SHARED_HOST -> dns.mx(d, 10, "mx" + random.nextInt(SHARED_HOSTS) + ".mailhost.ejemplo.net");
                    case MX_OWN_HOST -> dns.mx(d, 10, "mail." + d).a("mail." + d, PUBLIC_IP);
                    case IMPLICIT_MX -> dns.a(d, PUBLIC_IP);
                    case NULL_MX -> dns.nullMx(d, 300);
                    case NXDOMAIN -> { }
                    case NODATA -> dns.txt(d, "v=spf1 -all");
                    case PRIVATE_HOST -> dns.mx(d, 10, "mx." + d).a("mx." + d, "10.20.30.40");
                }
                chaos[i] = random.nextDouble() < FAULT_SHARE
                        ? Chaos.values()[1 + random.nextInt(Chaos.values().length - 1)] : Chaos.NONE;
                Fault fault = switch (chaos[i]) {
                    case NONE -> null;
                    case DROP -> Fault.drop();
                    case DELAY -> Fault.delay(DEADLINE.multipliedBy(5));
                    case SERVFAIL -> Fault.servfail();
                    case GARBAGE -> Fault.garbage();
                };
                dns.fault(d, fault);
            }
            String[] first = {"juan", "maria", "jose", "ana", "luis", "carmen", "pedro", "lucia"};
            for (int k = 0; k < ADDRESSES; k++) {
                addressDomain[k] = random.nextInt(DOMAINS);
                addresses[k] = first[random.nextInt(first.length)] + random.nextInt(100_000) + "@"
                        + domain(addressDomain[k]);
            }

            DnsMailDomainChecker checker = DnsMailDomainChecker.builder()
                    .server("127.0.0.1", dns.port())
                    .deadline(DEADLINE)
                    // every check meets the faults itself, and the re-check below sees the healed zone at once
                    .indeterminateTtl(Duration.ZERO)
                    .build();
            CustomerEmailValidator validator = CustomerEmailValidator.builder().mailDomainChecker(checker).build();
            try {
                // Offline every address is VALID: DNS alone decides the outcome below.
                for (int k = 0; k < ADDRESSES; k += 97) {
                    assertThat(validator.checkOffline(addresses[k]).verdict()).as(addresses[k])
                            .isEqualTo(Verdict.VALID);
                }

                // Warm-up (class loading, JIT) on other, healthy domains, so that the measured run is not the
                // first use of the code paths.
                for (int w = 0; w < 200; w++) {
                    validator.checkAsync("warm@warm" + (w % 20) + ".ejemplo.com").get(10, TimeUnit.SECONDS);
                }

                long start = System.nanoTime();
                EmailCheck[] results = new EmailCheck[ADDRESSES];
                AtomicLongArray latency = checkAll(validator, addresses, results);
                long chaosMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

                Map<Chaos, Map<Verdict, Integer>> outcomes = new EnumMap<>(Chaos.class);
                Map<Truth, Map<Verdict, Integer>> healthy = new EnumMap<>(Truth.class);
                Map<String, Integer> unknownReasons = new TreeMap<>();
                List<String> wrong = new ArrayList<>();
                Set<Integer> lateHealthyDomains = new LinkedHashSet<>();
                int healthyChecks = 0;
                int lateHealthyChecks = 0;
                long maxLatency = 0;
                long maxHealthyLatency = 0;
                int slowestHealthy = -1;
                List<Long> healthyLatencies = new ArrayList<>();
                for (int k = 0; k < ADDRESSES; k++) {
                    int i = addressDomain[k];
                    EmailCheck c = results[k];
                    long ms = TimeUnit.NANOSECONDS.toMillis(latency.get(k));
                    maxLatency = Math.max(maxLatency, ms);
                    outcomes.computeIfAbsent(chaos[i], x -> new EnumMap<>(Verdict.class))
                            .merge(c.verdict(), 1, Integer::sum);
                    if (chaos[i] == Chaos.NONE) {
                        if (ms > maxHealthyLatency) {
                            maxHealthyLatency = ms;
                            slowestHealthy = k;
                        }
                        healthyLatencies.add(latency.get(k));
                        healthy.computeIfAbsent(truth[i], x -> new EnumMap<>(Verdict.class))
                                .merge(c.verdict(), 1, Integer::sum);
                    }
                    c.finding(FindingCode.DNS_INDETERMINATE)
                            .ifPresent(f -> unknownReasons.merge(f.parameter("reason"), 1, Integer::sum));
                    if (chaos[i] == Chaos.NONE) {
                        healthyChecks++;
                        if (ranOutOfDeadline(c)) {
                            lateHealthyChecks++;
                            lateHealthyDomains.add(i);
                            continue;
                        }
                    }
                    String problem = judge(c, chaos[i] == Chaos.NONE ? truth[i] : null);
                    if (problem != null && wrong.size() < 20) {
                        wrong.add(addresses[k] + " (" + truth[i] + ", " + chaos[i] + "): " + problem);
                    }
                }
                healthyLatencies.sort(null);
                System.out.printf("DnsChaosTest: %d addresses over %d domains (%d faulted) in %d ms; max latency %d ms"
                                + " (healthy: max %d ms at #%d, p99 %.1f ms, p50 %.2f ms), deadline %d ms%n  outcomes by fault: %s%n  healthy by truth: %s%n"
                                + "  UNKNOWN reasons: %s%n  stats: %s, sockets open at most %d%n",
                        ADDRESSES, DOMAINS, count(chaos), chaosMillis, maxLatency, maxHealthyLatency, slowestHealthy,
                        healthyLatencies.get(healthyLatencies.size() * 99 / 100) / 1e6,
                        healthyLatencies.get(healthyLatencies.size() / 2) / 1e6,
                        DEADLINE.toMillis(), outcomes, healthy, unknownReasons, checker.stats(),
                        checker.queries().mostOpenSockets());
                System.out.printf("DnsChaosTest: %d of %d healthy checks ran out of the deadline (%d domains)%n",
                        lateHealthyChecks, healthyChecks, lateHealthyDomains.size());
                assertThat(wrong).as("addresses with a wrong verdict").isEmpty();
                assertThat(lateHealthyChecks).as("healthy checks that ran out of the deadline")
                        .isLessThanOrEqualTo((int) (healthyChecks * LATE_HEALTHY_SHARE));
                assertThat(maxLatency).as("slowest check, ms").isLessThan(DEADLINE.toMillis() + MARGIN_MILLIS);

                // The faults go away: every faulted domain now gets its true answer (no failure was cached).
                for (int i = 0; i < DOMAINS; i++) {
                    dns.fault(domain(i), null);
                }
                List<String> stillWrong = new ArrayList<>();
                int rechecked = 0;
                for (int i = 0; i < DOMAINS; i++) {
                    if (chaos[i] == Chaos.NONE && !lateHealthyDomains.contains(i)) {
                        continue;
                    }
                    rechecked++;
                    EmailCheck c = validator.checkAsync("recheck@" + domain(i)).get(10, TimeUnit.SECONDS);
                    String problem = judge(c, truth[i]);
                    if (problem != null) {
                        stillWrong.add(domain(i) + " (" + truth[i] + ", was " + chaos[i] + "): " + problem);
                    }
                }
                System.out.printf("DnsChaosTest: re-checked %d formerly faulted domains, %d wrong%n", rechecked,
                        stillWrong.size());
                assertThat(stillWrong).as("faulted domains after the faults were removed").isEmpty();
            } finally {
                validator.close(); // closes the checker
            }
            assertThat(ThreadCleanupTest.dnsThreads()).as("threads left after close()").isEmpty();
        }
    }

    /**
     * @return {@code null} when right: UNKNOWN with DNS_INDETERMINATE if {@code truth} is {@code null} (faulted),
     *     else the truth's verdict and finding
     */
    static String judge(EmailCheck c, Truth truth) {
        if (truth == null) {
            return c.verdict() == Verdict.UNKNOWN && c.has(FindingCode.DNS_INDETERMINATE) ? null
                    : "expected UNKNOWN, got " + c.verdict() + " " + c.findings();
        }
        if (c.verdict() != truth.verdict) {
            return "expected " + truth.verdict + ", got " + c.verdict() + " " + c.findings();
        }
        if (truth.finding != null && !c.has(truth.finding)) {
            return "expected finding " + truth.finding + ", got " + c.findings();
        }
        if (c.has(FindingCode.DNS_INDETERMINATE)) {
            return "DNS_INDETERMINATE on a healthy domain";
        }
        return null;
    }

    /**
     * A healthy domain's honest answer on a machine too busy for the deadline: UNKNOWN because the domain's lookup ran
     * out of the deadline. The check itself may have taken less: checks of one domain share its lookup, so a check
     * that joined it late hears of the deadline early.
     */
    static boolean ranOutOfDeadline(EmailCheck c) {
        return c.verdict() == Verdict.UNKNOWN
                && c.finding(FindingCode.DNS_INDETERMINATE).map(f -> "deadline".equals(f.parameter("reason")))
                        .orElse(false);
    }

    /** Checks every address with at most {@link #WINDOW} in flight; records each future's latency. */
    static AtomicLongArray checkAll(CustomerEmailValidator validator, String[] addresses, EmailCheck[] results)
            throws Exception {
        AtomicLongArray latency = new AtomicLongArray(addresses.length);
        Semaphore window = new Semaphore(WINDOW);
        List<CompletableFuture<EmailCheck>> futures = new ArrayList<>(addresses.length);
        for (int k = 0; k < addresses.length; k++) {
            if (!window.tryAcquire(DEADLINE.toMillis() + MARGIN_MILLIS + 10_000, TimeUnit.MILLISECONDS)) {
                fail("no check finished for more than 10 s past the deadline: a future was lost");
            }
            int index = k;
            long started = System.nanoTime();
            CompletableFuture<EmailCheck> f = validator.checkAsync(addresses[k]);
            futures.add(f.whenComplete((c, error) -> {
                latency.set(index, System.nanoTime() - started);
                window.release();
            }));
        }
        try {
            CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0])).get(30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            fail(futures.stream().filter(f -> !f.isDone()).count() + " checks never completed");
        }
        for (int k = 0; k < addresses.length; k++) {
            results[k] = futures.get(k).join();
        }
        return latency;
    }

    static int count(Chaos[] chaos) {
        int n = 0;
        for (Chaos c : chaos) {
            if (c != Chaos.NONE) {
                n++;
            }
        }
        return n;
    }
}
