package io.github.customeremail.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.customeremail.dns.testing.LoopbackDnsServer;
import io.github.customeremail.dns.testing.LoopbackDnsServer.Fault;
import io.github.customeremail.dns.testing.ProcessSockets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * A question given up (its check ended) closes its UDP socket at once, counted by the operating system: the
 * questions go to a server that never answers, with a timeout of ten minutes, so only giving them up can close
 * their sockets within the test's time.
 */
class CancelledQueryTest {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void questionsGivenUpCloseTheirSocketsWithoutWaitingForATimeout() throws Exception {
        int n = 24;
        try (LoopbackDnsServer dns = LoopbackDnsServer.start();
             DnsMailDomainChecker checker = DnsMailDomainChecker.builder()
                     .server("127.0.0.1", dns.port())
                     .deadline(Duration.ofMinutes(10))
                     .retries(1)
                     .maxConcurrentLookups(n)
                     .build()) {
            int before = ProcessSockets.open();
            assertThat(before).as("sockets of this JVM (/proc/self/fd)").isNotNegative();
            DnsQueries queries = checker.queries();
            CompletableFuture<Void> scope = new CompletableFuture<>();
            List<CompletableFuture<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String name = "silent" + i + ".test";
                dns.mx(name, 10, "mx.test").fault(name, Fault.drop());
                answers.add(queries.query(Name.fromString(name + "."), Type.MX, scope));
            }
            for (int i = 0; i < n; i++) {
                String name = "silent" + i + ".test";
                await(() -> dns.queryCount(name, Type.MX) == 1, name + " asked");
            }
            assertThat(ProcessSockets.open()).as("one socket per question in flight")
                    .isGreaterThanOrEqualTo(before + n);
            assertThat(queries.openSockets()).isEqualTo(n);

            scope.complete(null); // the check is over: every question is given up

            assertThat(queries.openSockets()).as("closed when given up, not later").isZero();
            for (CompletableFuture<Answer> answer : answers) {
                assertThat(answer.get(10, TimeUnit.SECONDS).reason()).isEqualTo("deadline");
            }
            // The JVM releases a socket registered with a selector when the selector next wakes, which closing wakes
            await(() -> ProcessSockets.open() <= before, "sockets back to " + before);
            assertThat(answers).allMatch(CompletableFuture::isDone);
            // dnsjava's retry of a question given up sends nothing
            assertThat(dns.totalQueries()).as("one query per question").isEqualTo(n);
        }
    }

    /** Waits for an event of the test's own making (the questions' own timeout is ten minutes away). */
    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("not seen within 30 s: " + what);
            }
            TimeUnit.MILLISECONDS.sleep(5);
        }
    }
}
