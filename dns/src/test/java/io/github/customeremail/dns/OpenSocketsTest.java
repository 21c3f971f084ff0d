package io.github.customeremail.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.customeremail.MailDomainStatus;
import io.github.customeremail.dns.testing.LoopbackDnsServer;
import io.github.customeremail.dns.testing.LoopbackDnsServer.Fault;
import io.github.customeremail.dns.testing.ProcessSockets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Abandoned questions and sockets. dnsjava closes a question's socket only on the reply, on its own timeout or when
 * its client closes (cancelling its future does nothing), so a question whose check ended gives its permit back as
 * an orphan, at most as many orphans as permits: a storm of unanswered questions never holds more than twice
 * {@code maxConcurrentLookups} sockets, and every one is released by dnsjava's timeout. (While the orphan slots are
 * full, new questions wait for dnsjava to let a socket go: bounded sockets cost that.)
 */
class OpenSocketsTest {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void unansweredQuestionsNeverHoldMoreThanTwiceThePermitsInSocketsAndAllAreReleased() throws Exception {
        int permits = 2;
        try (LoopbackDnsServer dns = LoopbackDnsServer.start();
             DnsMailDomainChecker checker = DnsMailDomainChecker.builder()
                     .server("127.0.0.1", dns.port())
                     .deadline(Duration.ofMillis(300))
                     .retries(0)
                     .maxConcurrentLookups(permits)
                     .build()) {
            List<String> domains = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String d = "dead" + i + ".test";
                dns.mx(d, 10, "mx.alive.test").fault(d, Fault.drop());
                domains.add(d);
            }
            dns.mx("alive.test", 10, "mx.alive.test").a("mx.alive.test", "11.22.33.44");
            int before = ProcessSockets.open();

            Map<String, MailDomainStatus> all = checker.checkAll(domains, domains.size()).get(30, TimeUnit.SECONDS);
            assertThat(all.values()).allMatch(s -> s instanceof MailDomainStatus.Indeterminate);

            DnsQueries queries = checker.queries();
            assertThat(queries.mostOpenSockets()).as("sockets open at once").isBetween(1, 2 * permits);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (queries.openSockets() > 0 && System.nanoTime() < until) {
                TimeUnit.MILLISECONDS.sleep(20);
            }
            assertThat(queries.openSockets()).as("sockets still open after dnsjava's timeouts").isZero();
            // The permits kept while the orphan slots were full are back: a live check gets its answer
            assertThat(checker.check("alive.test").get(10, TimeUnit.SECONDS))
                    .isInstanceOf(MailDomainStatus.HasMx.class);
            if (before >= 0) {
                // dnsjava closes the last question's socket on its selector thread, just after the answer is handed
                // over: wait for the OS to see it go, as above for the orphans.
                long settle = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (ProcessSockets.open() > before && System.nanoTime() < settle) {
                    TimeUnit.MILLISECONDS.sleep(20);
                }
                assertThat(ProcessSockets.open()).as("sockets of this JVM, counted by the OS").isLessThanOrEqualTo(before);
            }
        }
    }
}
