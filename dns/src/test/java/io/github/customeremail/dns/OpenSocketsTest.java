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
 * Abandoned questions and sockets. A question whose check ended closes its socket at once (see {@link UdpClient}), so a
 * storm of unanswered questions never holds more sockets than {@code maxConcurrentLookups}, and none is left open when
 * the checks are over: no orphan waits for a timeout.
 */
class OpenSocketsTest {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void unansweredQuestionsNeverHoldMoreSocketsThanPermitsAndAllAreReleased() throws Exception {
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
            assertThat(queries.mostOpenSockets()).as("sockets open at once").isBetween(1, permits);
            // closed by the thread that ends each check, which may still be at it when the last result is handed over
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (queries.openSockets() > 0 && System.nanoTime() < until) {
                TimeUnit.MILLISECONDS.sleep(5);
            }
            assertThat(queries.openSockets()).as("sockets still open once every check is over").isZero();
            // The permits are back: a live check gets its answer
            assertThat(checker.check("alive.test").get(10, TimeUnit.SECONDS))
                    .isInstanceOf(MailDomainStatus.HasMx.class);
            if (before >= 0) {
                // A socket registered with the selector is released by the OS when the selector next wakes, which
                // closing it wakes: wait for the OS to see it go.
                long settle = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (ProcessSockets.open() > before && System.nanoTime() < settle) {
                    TimeUnit.MILLISECONDS.sleep(20);
                }
                assertThat(ProcessSockets.open()).as("sockets of this JVM, counted by the OS").isLessThanOrEqualTo(before);
            }
        }
    }
}
