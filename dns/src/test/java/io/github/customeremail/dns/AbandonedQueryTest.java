package io.github.customeremail.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.customeremail.MailDomainStatus;
import io.github.customeremail.MailDomainStatus.HasMx;
import io.github.customeremail.MailDomainStatus.Indeterminate;
import io.github.customeremail.dns.testing.LoopbackDnsServer;
import io.github.customeremail.dns.testing.LoopbackDnsServer.Fault;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xbill.DNS.Type;

/**
 * A question whose check has already ended (its deadline passed) must not keep one of the
 * {@code maxConcurrentLookups} permits until a later timeout fires (dnsjava's own UDP client checked its
 * timeouts only about once a second): with a few dead domains in a bulk run, the abandoned questions would otherwise hold every permit
 * and turn the lookups of healthy domains queued behind them into "deadline" (found by {@link DnsChaosTest} with all
 * 10 000 checks submitted at once: 6 559 of 7 882 addresses at healthy domains came back UNKNOWN).
 */
class AbandonedQueryTest {

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aTimedOutQuestionGivesItsPermitBackAtTheDeadline() throws Exception {
        try (LoopbackDnsServer dns = LoopbackDnsServer.start();
             DnsMailDomainChecker checker = DnsMailDomainChecker.builder()
                     .server("127.0.0.1", dns.port())
                     .deadline(Duration.ofMillis(300))
                     .retries(0)
                     .maxConcurrentLookups(1)
                     .build()) {
            dns.mx("dead.test", 10, "mx.alive.test").fault("dead.test", Fault.drop())
                    .mx("alive.test", 10, "mx.alive.test").a("mx.alive.test", "11.22.33.44");

            MailDomainStatus dead = checker.check("dead.test").get(10, TimeUnit.SECONDS);
            // the question's own timeout is the whole deadline (one attempt): whichever is noticed first
            assertThat(dead).isIn(new Indeterminate("deadline"), new Indeterminate("timeout"));

            // The only permit was taken by the dropped question. Its check is over: the next check must get the
            // permit now, not when a later timeout gives up on the dropped question.
            MailDomainStatus alive = checker.check("alive.test").get(10, TimeUnit.SECONDS);
            assertThat(alive).isEqualTo(new HasMx(List.of("mx.alive.test")));
            assertThat(dns.queryCount("alive.test", Type.MX)).isEqualTo(1);
        }
    }
}
