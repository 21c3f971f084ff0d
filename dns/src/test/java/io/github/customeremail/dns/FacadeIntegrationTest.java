package io.github.customeremail.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.customeremail.CustomerEmailValidator;
import io.github.customeremail.EmailCheck;
import io.github.customeremail.FindingCode;
import io.github.customeremail.Verdict;
import io.github.customeremail.dns.testing.LoopbackDnsServer;
import io.github.customeremail.dns.testing.LoopbackDnsServer.Fault;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole pipeline, facade to DNS server on 127.0.0.1. The domains are the RFC 2606 reserved {@code example.*}
 * names under real TLDs, served only by the loopback responder (the checker asks nobody else): core's parser
 * rejects the special-use TLD {@code .test} offline (TLD_UNKNOWN) before any DNS check, as
 * {@link #specialUseTestTldNeverReachesDns()} records.
 */
class FacadeIntegrationTest {

    static LoopbackDnsServer dns;
    static CustomerEmailValidator validator;

    @BeforeAll
    static void start() throws Exception {
        dns = LoopbackDnsServer.start();
        dns.mx("ejemplo.com", 10, "mail.ejemplo.com").a("mail.ejemplo.com", "11.22.33.44")
                .nullMx("nullmx.ejemplo.org", 300)
                .mx("intranet.ejemplo.org", 10, "mx.intranet.ejemplo.org").a("mx.intranet.ejemplo.org", "10.0.0.25")
                .mx("dropped.ejemplo.net", 10, "mail.ejemplo.com").fault("dropped.ejemplo.net", Fault.drop())
                .mx("broken.ejemplo.net", 10, "mail.ejemplo.com").fault("broken.ejemplo.net", Fault.servfail());
        // Generous deadline for answers: a loaded machine must not turn an answer into a timeout.
        DnsMailDomainChecker checker = DnsMailDomainChecker.builder()
                .server("127.0.0.1", dns.port())
                .deadline(Duration.ofSeconds(10))
                .build();
        validator = CustomerEmailValidator.builder().mailDomainChecker(checker).build();
    }

    @AfterAll
    static void stop() {
        validator.close(); // closes the checker
        dns.close();
    }

    @Test
    void deliverableDomainIsValid() {
        EmailCheck check = validator.check("juan@ejemplo.com");
        assertThat(check.verdict()).isEqualTo(Verdict.VALID);
        assertThat(check.normalized()).contains("juan@ejemplo.com");
    }

    @Test
    void specialUseTestTldNeverReachesDns() {
        dns.resetCounts();
        EmailCheck check = validator.check("juan@example.test");
        assertThat(check.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(check.has(FindingCode.SPECIAL_USE_DOMAIN)).isTrue();
        assertThat(dns.totalQueries()).isZero();
    }

    @Test
    void nullMxIsInvalid() {
        EmailCheck check = validator.check("facturas@nullmx.ejemplo.org");
        assertThat(check.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(check.has(FindingCode.NULL_MX)).isTrue();
    }

    @Test
    void nonExistentDomainIsInvalid() {
        EmailCheck check = validator.check("ana@nosuch.ejemplo.net");
        assertThat(check.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(check.has(FindingCode.DOMAIN_NOT_FOUND)).isTrue();
    }

    @Test
    void privateMailHostIsInvalid() {
        EmailCheck check = validator.check("ana@intranet.ejemplo.org");
        assertThat(check.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(check.has(FindingCode.MAIL_HOST_NOT_PUBLIC)).isTrue();
    }

    @Test
    void droppedQueryIsUnknownWithinTheDeadline() {
        try (CustomerEmailValidator shortDeadline = CustomerEmailValidator.builder()
                .mailDomainChecker(DnsMailDomainChecker.builder().server("127.0.0.1", dns.port())
                        .deadline(Duration.ofMillis(500)).build()).build()) {
            long start = System.nanoTime();
            EmailCheck check = shortDeadline.check("juan@dropped.ejemplo.net");
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(check.verdict()).isEqualTo(Verdict.UNKNOWN);
            assertThat(check.has(FindingCode.DNS_INDETERMINATE)).isTrue();
            assertThat(millis).isLessThan(500 + 2_000);
        }
    }

    @Test
    void servfailIsUnknownNeverInvalid() {
        assertThat(validator.check("juan@broken.ejemplo.net").verdict()).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void failClosedTurnsDnsFailureIntoInvalid() {
        DnsMailDomainChecker checker = DnsMailDomainChecker.builder()
                .server("127.0.0.1", dns.port()).deadline(Duration.ofMillis(500)).build();
        try (CustomerEmailValidator strict = CustomerEmailValidator.builder()
                .mailDomainChecker(checker).dnsFailureVerdict(Verdict.INVALID).build()) {
            EmailCheck check = strict.check("juan@broken.ejemplo.net");
            assertThat(check.verdict()).isEqualTo(Verdict.INVALID);
            assertThat(check.has(FindingCode.DNS_INDETERMINATE)).isTrue();
        }
    }
}
