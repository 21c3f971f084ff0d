package io.github.customeremail.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.customeremail.MailDomainStatus;
import io.github.customeremail.dns.testing.LoopbackDnsServer;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** close() leaves no thread behind: neither ours (deadline, UDP selector) nor dnsjava's NIO selector (TCP). */
class ThreadCleanupTest {

    static List<String> dnsThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.startsWith("dnsjava") || n.startsWith("customer-email-dns"))
                .sorted()
                .collect(Collectors.toList());
    }

    @Test
    void closeStopsTheSchedulerAndTheDnsjavaSelector() throws Exception {
        try (LoopbackDnsServer dns = LoopbackDnsServer.start()) {
            dns.mx("example.test", 10, "mail.example.test").a("mail.example.test", "11.22.33.44");
            DnsMailDomainChecker checker = DnsMailDomainChecker.builder()
                    .server("127.0.0.1", dns.port()).deadline(Duration.ofSeconds(2)).build();
            assertThat(checker.check("example.test").join()).isInstanceOf(MailDomainStatus.HasMx.class);
            assertThat(dnsThreads()).contains("customer-email-dns-udp", "customer-email-dns-deadline");

            checker.close();

            assertThat(dnsThreads()).isEmpty();

            // dnsjava restarts its selector for a later checker, which works and also cleans up.
            DnsMailDomainChecker again = DnsMailDomainChecker.builder()
                    .server("127.0.0.1", dns.port()).deadline(Duration.ofSeconds(2)).build();
            assertThat(again.check("example.test").join()).isInstanceOf(MailDomainStatus.HasMx.class);
            again.close();
            assertThat(dnsThreads()).isEmpty();
        }
    }

    @Test
    void theSelectorStaysUpWhileAnotherCheckerIsOpen() throws Exception {
        try (LoopbackDnsServer dns = LoopbackDnsServer.start()) {
            dns.mx("example.test", 10, "mail.example.test").a("mail.example.test", "11.22.33.44");
            DnsMailDomainChecker first = DnsMailDomainChecker.builder().server("127.0.0.1", dns.port()).build();
            DnsMailDomainChecker second = DnsMailDomainChecker.builder().server("127.0.0.1", dns.port()).build();
            first.check("example.test").join();
            first.close();
            assertThat(second.check("example.test").join()).isInstanceOf(MailDomainStatus.HasMx.class);
            second.close();
            assertThat(dnsThreads()).isEmpty();
        }
    }
}
