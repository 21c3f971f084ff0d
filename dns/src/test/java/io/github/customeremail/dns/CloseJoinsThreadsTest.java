package io.github.customeremail.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.customeremail.MailDomainStatus;
import io.github.customeremail.dns.testing.LoopbackDnsServer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * When {@code close()} returns, the checker's deadline thread is gone, not merely told to stop: its executor counts
 * as terminated a moment before the thread itself has ended, and {@link ThreadCleanupTest} once saw
 * {@code customer-email-dns-deadline} still alive right after {@code close()}. Repeated, so that the window shows.
 */
class CloseJoinsThreadsTest {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void noThreadIsAliveWhenCloseReturns() throws Exception {
        try (LoopbackDnsServer dns = LoopbackDnsServer.start()) {
            dns.mx("example.test", 10, "mail.example.test").a("mail.example.test", "11.22.33.44");
            for (int round = 0; round < 500; round++) {
                DnsMailDomainChecker checker = DnsMailDomainChecker.builder()
                        .server("127.0.0.1", dns.port()).deadline(Duration.ofSeconds(2)).build();
                assertThat(checker.check("example.test").get(10, TimeUnit.SECONDS))
                        .isInstanceOf(MailDomainStatus.HasMx.class);
                checker.close();
                assertThat(ThreadCleanupTest.dnsThreads()).as("threads alive after close(), round %d", round)
                        .isEmpty();
            }
        }
    }
}
