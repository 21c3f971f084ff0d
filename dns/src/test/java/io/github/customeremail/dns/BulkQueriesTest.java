package io.github.customeremail.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.customeremail.MailDomainStatus;
import io.github.customeremail.dns.testing.BulkZone;
import io.github.customeremail.dns.testing.LoopbackDnsServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xbill.DNS.Type;

/**
 * A bulk run as {@code audit} makes it: 20 000 rows over 2 000 domains, most of them on a few shared providers,
 * checked in row order with 64 new domains in flight and three query slots per domain (the audit's defaults).
 * Counted at the server, every name and type is asked exactly once: each domain's MX once, each mail host's
 * addresses once whatever the number of domains it serves, and no host whose answer could not change a verdict.
 */
class BulkQueriesTest {

    static final int ROWS = 20_000;
    static final int DOMAINS = 2_000;
    static final int DOMAINS_IN_FLIGHT = 64;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void everyNameAndTypeIsAskedExactlyOnce() throws Exception {
        try (LoopbackDnsServer dns = LoopbackDnsServer.start();
             DnsMailDomainChecker checker = DnsMailDomainChecker.builder()
                     .server("127.0.0.1", dns.port())
                     .deadline(Duration.ofSeconds(10)) // generous: this test is about queries, not deadlines
                     .maxConcurrentLookups(3 * DOMAINS_IN_FLIGHT)
                     .build()) {
            BulkZone zone = BulkZone.serve(dns, DOMAINS);
            Random random = new Random(15);
            int[] rowDomain = new int[ROWS];
            for (int r = 0; r < ROWS; r++) {
                rowDomain[r] = random.nextInt(DOMAINS);
            }

            Semaphore slots = new Semaphore(DOMAINS_IN_FLIGHT);
            Map<String, CompletableFuture<MailDomainStatus>> inFlight = new HashMap<>();
            List<CompletableFuture<MailDomainStatus>> rows = new ArrayList<>(ROWS);
            for (int r = 0; r < ROWS; r++) {
                String domain = zone.domain(rowDomain[r]);
                CompletableFuture<MailDomainStatus> f = checker.check(domain);
                if (!f.isDone() && inFlight.get(domain) != f) {
                    inFlight.put(domain, f);
                    slots.acquire();
                    f.whenComplete((s, e) -> slots.release());
                }
                rows.add(f);
            }
            CompletableFuture.allOf(rows.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

            for (int r = 0; r < ROWS; r++) {
                assertThat(rows.get(r).join()).as(zone.domain(rowDomain[r]))
                        .isInstanceOf(zone.expected(rowDomain[r]));
            }
            Map<String, Integer> counts = dns.queryCounts();
            System.out.printf("BulkQueriesTest: %d rows, %d domains asked, %d queries at the server, %d distinct"
                    + " name+type; stats %s%n", ROWS, inFlight.size(), dns.totalQueries(), counts.size(),
                    checker.stats());
            assertThat(counts).as("queries per name and type, at the server").allSatisfy(
                    (nameAndType, n) -> assertThat(n).as(nameAndType).isEqualTo(1));
            assertThat(dns.totalQueries()).isEqualTo(counts.size());
            for (String domain : inFlight.keySet()) {
                assertThat(dns.queryCount(domain, Type.MX)).as(domain).isEqualTo(1);
            }
            // The large provider's most preferred host is public: its four others are not looked up again and
            // again (at most once, while the first domains waited on all five)
            assertThat(dns.queryCount(BulkZone.PROVIDER_A_HOSTS.get(0), Type.A)).isEqualTo(1);
        }
    }
}
