package io.github.customeremail.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.customeremail.MailDomainStatus;
import io.github.customeremail.MailDomainStatus.HasMx;
import io.github.customeremail.MailDomainStatus.Indeterminate;
import io.github.customeremail.dns.testing.LoopbackDnsServer;
import io.github.customeremail.dns.testing.LoopbackDnsServer.Fault;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xbill.DNS.Type;

/**
 * A mail host shared by several domains is looked up once for all of them, and the lookup belongs to none: a domain
 * that is decided by another of its hosts, or that reaches its own deadline, stops waiting without taking the answer
 * away from the others. Answers are held at the server until the test releases them, so the order of events is
 * fixed, and the queries are counted at the server.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SharedMailHostTest {

    static final String PUBLIC_IP = "11.22.33.44";

    LoopbackDnsServer dns;
    DnsMailDomainChecker checker;

    @BeforeEach
    void start() throws Exception {
        dns = LoopbackDnsServer.start();
    }

    @AfterEach
    void stop() {
        if (checker != null) {
            checker.close();
        }
        dns.close();
    }

    DnsMailDomainChecker checker(Duration deadline) {
        checker = DnsMailDomainChecker.builder().server("127.0.0.1", dns.port()).deadline(deadline).retries(0)
                .indeterminateTtl(Duration.ZERO).build();
        return checker;
    }

    @Test
    void aDomainDecidedByAnotherHostLeavesTheSharedLookupToTheDomainsStillWaiting() throws Exception {
        CompletableFuture<Void> shared = new CompletableFuture<>();
        CompletableFuture<Void> firstOwn = new CompletableFuture<>();
        CompletableFuture<Void> secondOwn = new CompletableFuture<>();
        dns.mx("first.test", 10, "mx.shared.test").mx("first.test", 20, "mx.first.test")
                .mx("second.test", 10, "mx.shared.test").mx("second.test", 20, "mx.second.test")
                .a("mx.shared.test", PUBLIC_IP).a("mx.first.test", PUBLIC_IP).a("mx.second.test", "10.1.2.3")
                .fault("mx.shared.test", Fault.heldUntil(shared))
                .fault("mx.first.test", Fault.heldUntil(firstOwn))
                .fault("mx.second.test", Fault.heldUntil(secondOwn));
        checker(Duration.ofSeconds(20));

        CompletableFuture<MailDomainStatus> first = checker.check("first.test");
        awaitQuery("mx.first.test", Type.A);
        CompletableFuture<MailDomainStatus> second = checker.check("second.test");
        // second.test's hosts are asked in order of preference: once its own host is asked it waits on the shared
        awaitQuery("mx.second.test", Type.A);

        firstOwn.complete(null); // first.test is decided by its own host: it no longer needs the shared one
        assertThat(first.get(20, TimeUnit.SECONDS)).isEqualTo(new HasMx(List.of("mx.shared.test", "mx.first.test")));

        shared.complete(null);
        assertThat(second.get(20, TimeUnit.SECONDS))
                .isEqualTo(new HasMx(List.of("mx.shared.test", "mx.second.test")));
        secondOwn.complete(null);
        assertThat(dns.queryCount("mx.shared.test", Type.A)).as("one lookup for both domains").isEqualTo(1);
    }

    @Test
    void aDomainAtItsDeadlineLeavesTheSharedLookupToTheDomainsStillWaiting() throws Exception {
        Duration deadline = Duration.ofSeconds(4);
        CompletableFuture<Void> slowMx = new CompletableFuture<>();
        CompletableFuture<Void> shared = new CompletableFuture<>();
        CompletableFuture<Void> laterOwn = new CompletableFuture<>();
        dns.mx("slow.test", 10, "mx.shared.test")
                .mx("later.test", 10, "mx.shared.test").mx("later.test", 20, "mx.later.test")
                .a("mx.shared.test", PUBLIC_IP).a("mx.later.test", "10.1.2.3")
                .fault("slow.test", Fault.heldUntil(slowMx))
                .fault("mx.shared.test", Fault.heldUntil(shared))
                .fault("mx.later.test", Fault.heldUntil(laterOwn));
        checker(deadline);

        CompletableFuture<MailDomainStatus> slow = checker.check("slow.test");
        // slow.test spends half its deadline on its MX answer, then starts the shared host's lookup
        TimeUnit.MILLISECONDS.sleep(deadline.toMillis() / 2);
        slowMx.complete(null);
        awaitQuery("mx.shared.test", Type.A);
        CompletableFuture<MailDomainStatus> later = checker.check("later.test");
        awaitQuery("mx.later.test", Type.A); // later.test now waits on the shared lookup too

        assertThat(slow.get(20, TimeUnit.SECONDS)).isEqualTo(new Indeterminate("deadline"));
        assertThat(later).as("later.test's own deadline has not passed").isNotDone();

        shared.complete(null);
        assertThat(later.get(20, TimeUnit.SECONDS)).isEqualTo(new HasMx(List.of("mx.shared.test", "mx.later.test")));
        laterOwn.complete(null);
        assertThat(dns.queryCount("mx.shared.test", Type.A)).as("one lookup for both domains").isEqualTo(1);
    }

    @Test
    void aDomainThatJoinedLateAsksAgainWhenTheSharedLookupTimesOutBeforeItsOwnDeadline() throws Exception {
        Duration deadline = Duration.ofSeconds(6);
        CompletableFuture<Void> shared = new CompletableFuture<>();
        dns.mx("early.test", 10, "mx.shared.test")
                .mx("late.test", 10, "mx.shared.test").mx("late.test", 20, "mx.late.test")
                .mx("late2.test", 10, "mx.shared.test").mx("late2.test", 20, "mx.late2.test")
                .a("mx.shared.test", PUBLIC_IP).a("mx.late.test", "10.1.2.3").a("mx.late2.test", "10.1.2.4")
                .fault("mx.shared.test", Fault.heldUntil(shared)); // answers only when the test says so
        checker(deadline);

        CompletableFuture<MailDomainStatus> early = checker.check("early.test");
        awaitQuery("mx.shared.test", Type.A);
        // Half of the deadline later, both late domains join early.test's lookup of the shared host (their other
        // host is asked after it)
        TimeUnit.MILLISECONDS.sleep(deadline.toMillis() / 2);
        CompletableFuture<MailDomainStatus> late = checker.check("late.test");
        CompletableFuture<MailDomainStatus> late2 = checker.check("late2.test");
        awaitQuery("mx.late.test", Type.A);
        awaitQuery("mx.late2.test", Type.A);

        // early.test's deadline and the lookup's timeout (as long, from the question's sending) end together
        assertThat(early.get(20, TimeUnit.SECONDS)).isInstanceOf(Indeterminate.class);
        // The shared lookup's own timeout runs out at early.test's deadline, before the late domains' deadlines:
        // they ask again, once for both, instead of taking the lookup's timeout as their answer
        await(() -> dns.queryCount("mx.shared.test", Type.A) == 2, "mx.shared.test asked again");
        assertThat(late).as("late.test's own deadline has not passed").isNotDone();

        shared.complete(null);
        assertThat(late.get(20, TimeUnit.SECONDS)).isEqualTo(new HasMx(List.of("mx.shared.test", "mx.late.test")));
        assertThat(late2.get(20, TimeUnit.SECONDS))
                .isEqualTo(new HasMx(List.of("mx.shared.test", "mx.late2.test")));
        assertThat(dns.queryCount("mx.shared.test", Type.A)).as("the first lookup and one more for both late domains")
                .isEqualTo(2);
    }

    @Test
    void aHostAlreadyKnownPublicDecidesBeforeAnyOtherHostIsAsked() throws Exception {
        dns.mx("one.test", 10, "mx.provider.test").a("mx.provider.test", PUBLIC_IP)
                .mx("two.test", 5, "mx.two.test").mx("two.test", 10, "mx.provider.test").a("mx.two.test", PUBLIC_IP);
        checker(Duration.ofSeconds(20));

        assertThat(checker.check("one.test").get(20, TimeUnit.SECONDS)).isInstanceOf(HasMx.class);
        long sent = checker.stats().queriesSent();
        assertThat(checker.check("two.test").get(20, TimeUnit.SECONDS))
                .isEqualTo(new HasMx(List.of("mx.two.test", "mx.provider.test")));

        // Counted when handed to dnsjava, so nothing can still be on its way: only two.test's MX question
        assertThat(checker.stats().queriesSent() - sent).as("questions for two.test").isEqualTo(1);
        assertThat(dns.queryCount("mx.two.test", Type.A)).as("its answer cannot change the verdict").isZero();
    }

    @Test
    void questionsNoDomainWaitsForAnyMoreAreNotSent() throws Exception {
        CompletableFuture<Void> preferred = new CompletableFuture<>();
        dns.mx("solo.test", 10, "mx1.solo.test").mx("solo.test", 20, "mx2.solo.test")
                .a("mx1.solo.test", PUBLIC_IP).a("mx2.solo.test", PUBLIC_IP)
                .fault("mx1.solo.test", Fault.heldUntil(preferred));
        checker = DnsMailDomainChecker.builder().server("127.0.0.1", dns.port()).deadline(Duration.ofSeconds(20))
                .retries(0).maxConcurrentLookups(1).build();

        // One slot: mx1's A question takes it; mx1's AAAA and mx2's A and AAAA wait in the queue
        CompletableFuture<MailDomainStatus> solo = checker.check("solo.test");
        awaitQuery("mx1.solo.test", Type.A);
        preferred.complete(null);
        assertThat(solo.get(20, TimeUnit.SECONDS)).isInstanceOf(HasMx.class);

        // mx1 is public: the queued questions can no longer change the verdict and are dropped, never sent
        assertThat(checker.stats().queriesSent()).as("MX and mx1's A only").isEqualTo(2);
        assertThat(dns.queryCount("mx2.solo.test", Type.A)).isZero();
        assertThat(dns.queryCount("mx1.solo.test", Type.AAAA)).isZero();
    }

    private void awaitQuery(String name, int type) throws InterruptedException {
        await(() -> dns.queryCount(name, type) > 0, name + " " + Type.string(type) + " asked");
    }

    /** Waits for an event of the test's own making (no assertion depends on how long it takes). */
    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("not seen within 30 s: " + what);
            }
            TimeUnit.MILLISECONDS.sleep(5);
        }
    }
}
