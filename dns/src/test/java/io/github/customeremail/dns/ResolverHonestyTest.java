package io.github.customeremail.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.customeremail.CustomerEmailValidator;
import io.github.customeremail.EmailCheck;
import io.github.customeremail.FindingCode;
import io.github.customeremail.MailDomainStatus;
import io.github.customeremail.Verdict;
import io.github.customeremail.dns.testing.LoopbackDnsServer;
import io.github.customeremail.dns.testing.LoopbackDnsServer.Fault;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/**
 * Only answers that prove something turn into a negative status: sinkholes, SOA-less denials of an unverified
 * resolver, referrals and CNAME-only answers never make an address INVALID. Every resolver here is a real DNS
 * server on 127.0.0.1; deadlines are generous because only outcomes are asserted.
 */
class ResolverHonestyTest {

    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private static DnsMailDomainChecker.Builder against(LoopbackDnsServer dns) {
        return DnsMailDomainChecker.builder().server("127.0.0.1", dns.port()).deadline(DEADLINE);
    }

    @Test
    void aSinkholeMakesGmailUnknownWithTheUnreliableResolverFindingNeverInvalid() throws Exception {
        try (LoopbackDnsServer sinkhole = LoopbackDnsServer.start().sinkhole(true);
             CustomerEmailValidator validator = CustomerEmailValidator.builder()
                     .mailDomainChecker(against(sinkhole).build()).build()) {
            EmailCheck check = validator.check("juan.perez@gmail.com");
            assertThat(check.verdict()).isEqualTo(Verdict.UNKNOWN);
            assertThat(check.finding(FindingCode.DNS_RESOLVER_UNRELIABLE)).isPresent();
            assertThat(check.finding(FindingCode.DOMAIN_NOT_FOUND)).isEmpty();
            EmailCheck other = validator.check("ana@empresa.com.co");
            assertThat(other.verdict()).isEqualTo(Verdict.UNKNOWN);
            // the canary test ran once, not once per domain
            assertThat(sinkhole.queryCount("outlook.com", Type.MX)).isEqualTo(1);
        }
    }

    @Test
    void theStatusSaysTheResolverIsUnreliable() throws Exception {
        try (LoopbackDnsServer sinkhole = LoopbackDnsServer.start().sinkhole(true);
             DnsMailDomainChecker checker = against(sinkhole).build()) {
            MailDomainStatus status = checker.check("gmail.com").join();
            assertThat(status).isInstanceOf(MailDomainStatus.Indeterminate.class);
            MailDomainStatus.Indeterminate indeterminate = (MailDomainStatus.Indeterminate) status;
            assertThat(indeterminate.resolverUnreliable()).isTrue();
            assertThat(indeterminate.reason()).contains("gmail.com, outlook.com, yahoo.com");
        }
    }

    @Test
    void aNegativeWithoutSoaIsBelievedFromAResolverThatAnswersTheCanary() throws Exception {
        try (LoopbackDnsServer dns = LoopbackDnsServer.start().negativesWithoutSoa(true)
                .mx("canary.test", 10, "mx.canary.test").a("mx.canary.test", "11.22.33.44");
             DnsMailDomainChecker checker = against(dns).canaryDomains(List.of("canary.test")).build()) {
            assertThat(checker.check("nothing.test").join()).isEqualTo(new MailDomainStatus.NoSuchDomain());
            assertThat(dns.queryCount("canary.test", Type.MX)).isEqualTo(1);
        }
    }

    @Test
    void aNegativeWithoutSoaFromAResolverThatDeniesTheCanaryIsIndeterminate() throws Exception {
        try (LoopbackDnsServer dns = LoopbackDnsServer.start().negativesWithoutSoa(true);
             DnsMailDomainChecker checker = against(dns).canaryDomains(List.of("canary.test")).build()) {
            MailDomainStatus status = checker.check("nothing.test").join();
            assertThat(status).isInstanceOf(MailDomainStatus.Indeterminate.class);
            assertThat(((MailDomainStatus.Indeterminate) status).resolverUnreliable()).isTrue();
        }
    }

    @Test
    void aNegativeWithSoaIsBelievedWithoutAskingTheCanary() throws Exception {
        try (LoopbackDnsServer dns = LoopbackDnsServer.start();
             DnsMailDomainChecker checker = against(dns).build()) {
            assertThat(checker.check("nothing.test").join()).isEqualTo(new MailDomainStatus.NoSuchDomain());
            assertThat(dns.queryCount("gmail.com", Type.MX)).isZero();
            assertThat(dns.totalQueries()).isEqualTo(1);
        }
    }

    @Test
    void aResolverThatDeniesAlmostEverythingWithoutProofStopsBeingBelieved() throws Exception {
        try (LoopbackDnsServer dns = LoopbackDnsServer.start().negativesWithoutSoa(true)
                .mx("canary.test", 10, "mx.canary.test");
             DnsMailDomainChecker checker = against(dns).canaryDomains(List.of("canary.test")).build()) {
            int window = ResolverHonesty.RATE_WINDOW;
            for (int i = 0; i < window - 1; i++) {
                assertThat(checker.check("missing" + i + ".test").join())
                        .isEqualTo(new MailDomainStatus.NoSuchDomain());
            }
            MailDomainStatus after = checker.check("missing-after.test").join();
            assertThat(after).isInstanceOf(MailDomainStatus.Indeterminate.class);
            assertThat(((MailDomainStatus.Indeterminate) after).resolverUnreliable()).isTrue();
        }
    }

    @Test
    void aCnameOnlyAnswerIsFollowedByAskingForTheTarget() throws Exception {
        try (LoopbackDnsServer dns = LoopbackDnsServer.start().cnameOnly(true)
                .cname("alias.test", "target.test").mx("target.test", 10, "mx.target.test")
                .a("mx.target.test", "11.22.33.44");
             DnsMailDomainChecker checker = against(dns).build()) {
            assertThat(checker.check("alias.test").join())
                    .isEqualTo(new MailDomainStatus.HasMx(List.of("mx.target.test")));
            assertThat(dns.queryCount("target.test", Type.MX)).isEqualTo(1);
        }
    }

    @Test
    void aReferralIsIndeterminateNotNoMailHost() throws Exception {
        try (LoopbackDnsServer dns = LoopbackDnsServer.start().fault("delegated.test", Fault.referral());
             DnsMailDomainChecker checker = against(dns).build()) {
            assertThat(checker.check("delegated.test").join())
                    .isEqualTo(new MailDomainStatus.Indeterminate("referral"));
        }
    }

    @Test
    void anMxPointingAtANameThatDoesNotExistHasItsOwnStatus() throws Exception {
        try (LoopbackDnsServer dns = LoopbackDnsServer.start()
                .mx("ghost.test", 10, "nohost.ghost.test")
                .mx("mixed.test", 10, "nohost.ghost.test").mx("mixed.test", 20, "mx.mixed.test")
                .a("mx.mixed.test", "10.0.0.25");
             DnsMailDomainChecker checker = against(dns).build()) {
            assertThat(checker.check("ghost.test").join())
                    .isEqualTo(new MailDomainStatus.NoSuchMailHost(List.of("nohost.ghost.test")));
            assertThat(checker.check("mixed.test").join())
                    .isEqualTo(new MailDomainStatus.NoPublicMailHost(List.of("nohost.ghost.test", "mx.mixed.test")));
        }
    }

    @Test
    void noHostIsLookedUpWhenTheGlueAlreadyShowsAPublicOne() throws Exception {
        try (LoopbackDnsServer dns = LoopbackDnsServer.start().additionalAddresses(true)
                .mx("glued.test", 10, "mx1.glued.test").a("mx1.glued.test", "11.22.33.44")
                .mx("glued.test", 20, "mx2.glued.test");
             DnsMailDomainChecker checker = against(dns).build()) {
            assertThat(checker.check("glued.test").join())
                    .isEqualTo(new MailDomainStatus.HasMx(List.of("mx1.glued.test", "mx2.glued.test")));
            assertThat(dns.queryCount("mx2.glued.test", Type.A)).isZero();
            assertThat(dns.queryCount("mx2.glued.test", Type.AAAA)).isZero();
            assertThat(dns.totalQueries()).isEqualTo(1);
        }
    }
}
