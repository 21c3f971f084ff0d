package io.github.customeremail.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.customeremail.MailDomainStatus;
import io.github.customeremail.dns.testing.LoopbackDnsServer;
import io.github.customeremail.dns.testing.LoopbackDnsServer.Fault;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class LookupListenerTest {

    record Ended(String domain, MailDomainStatus status, Duration elapsed) {
    }

    @Test
    void reportsEachLookupButNotCacheHits() throws Exception {
        List<Ended> ended = new CopyOnWriteArrayList<>();
        try (LoopbackDnsServer dns = LoopbackDnsServer.start();
             DnsMailDomainChecker checker = DnsMailDomainChecker.builder()
                     .server("127.0.0.1", dns.port())
                     .deadline(Duration.ofSeconds(10)) // generous: the server answers, however busy the machine
                     .lookupListener((d, s, e) -> ended.add(new Ended(d, s, e)))
                     .build()) {
            dns.mx("example.test", 10, "mail.example.test").a("mail.example.test", "11.22.33.44");

            assertThat(checker.check("example.test").join()).isInstanceOf(MailDomainStatus.HasMx.class);
            assertThat(ended).hasSize(1); // counted before the caller was woken
            assertThat(checker.check("example.test").join()).isInstanceOf(MailDomainStatus.HasMx.class);
            assertThat(checker.check("nowhere.test").join()).isInstanceOf(MailDomainStatus.NoSuchDomain.class);

            assertThat(ended).extracting(Ended::domain).containsExactly("example.test", "nowhere.test");
            assertThat(ended).extracting(Ended::status).containsExactly(
                    ended.get(0).status(), new MailDomainStatus.NoSuchDomain());
            assertThat(ended.get(0).status()).isInstanceOf(MailDomainStatus.HasMx.class);
        }
    }

    @Test
    void reportsALookupEndedByTheDeadline() throws Exception {
        List<Ended> ended = new CopyOnWriteArrayList<>();
        try (LoopbackDnsServer dns = LoopbackDnsServer.start();
             DnsMailDomainChecker checker = DnsMailDomainChecker.builder()
                     .server("127.0.0.1", dns.port())
                     .deadline(Duration.ofMillis(300))
                     .lookupListener((d, s, e) -> ended.add(new Ended(d, s, e)))
                     .build()) {
            dns.mx("dropped.test", 10, "mail.example.test").fault("dropped.test", Fault.drop());

            assertThat(checker.check("dropped.test").join()).isEqualTo(new MailDomainStatus.Indeterminate("deadline"));

            assertThat(ended).singleElement().satisfies(e -> {
                assertThat(e.status()).isEqualTo(new MailDomainStatus.Indeterminate("deadline"));
                assertThat(e.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            });
            assertThat(checker.stats().timeouts()).isEqualTo(1);
        }
    }

    @Test
    void aFailingListenerDoesNotChangeTheAnswer() throws Exception {
        try (LoopbackDnsServer dns = LoopbackDnsServer.start();
             DnsMailDomainChecker checker = DnsMailDomainChecker.builder()
                     .server("127.0.0.1", dns.port())
                     .lookupListener((d, s, e) -> {
                         throw new IllegalStateException("broken metrics");
                     })
                     .build()) {
            dns.nullMx("nullmx.test", 300);
            assertThat(checker.check("nullmx.test").join()).isInstanceOf(MailDomainStatus.NullMx.class);
        }
    }
}
