package io.github.customeremail.cli;

import static io.github.customeremail.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.customeremail.CustomerEmailValidator;
import io.github.customeremail.cli.CliRun.Run;
import io.github.customeremail.dns.DnsMailDomainChecker;
import io.github.customeremail.dns.testing.LoopbackDnsServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Type;
import picocli.CommandLine;

/**
 * The audit's domains in flight and its checker's query slots agree: {@code --dns-parallel N} gives the checker
 * three slots per domain (MX, then a mail host's A and AAAA), and the audit keeps a third of the checker's slots in
 * domains.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AuditDnsParallelTest {

    @TempDir
    Path dir;

    @Test
    void theCheckerGetsThreeQuerySlotsPerDomainInFlight() throws Exception {
        Path input = Files.writeString(dir.resolve("c.csv"), "id,email\n1,a@example.test\n");
        for (int n : new int[] {AuditRun.DEFAULT_DOMAINS_IN_FLIGHT, 5, 1}) {
            CommandLine cli = Main.commandLine();
            String[] args = n == AuditRun.DEFAULT_DOMAINS_IN_FLIGHT
                    ? new String[] {"audit", "--dns", "127.0.0.1:53", input.toString()}
                    : new String[] {"audit", "--dns", "127.0.0.1:53", "--dns-parallel", "" + n, input.toString()};
            cli.parseArgs(args);
            AuditCommand audit = cli.getSubcommands().get("audit").getCommand();
            try (CustomerEmailValidator validator = audit.validators.apply(audit.options)) { // builds, asks nothing
                DnsMailDomainChecker dns = (DnsMailDomainChecker) validator.mailDomainChecker().orElseThrow();
                assertThat(dns.maxConcurrentLookups()).isEqualTo(3 * n);
                assertThat(AuditRun.domainsInFlight(validator)).isEqualTo(n);
            }
        }
    }

    @Test
    void aBadValueIsAUsageErrorNamingTheOption() throws Exception {
        Path input = Files.writeString(dir.resolve("c.csv"), "id,email\n1,a@example.test\n");
        for (String bad : new String[] {"0", "257", "-3"}) {
            Run r = run("audit", "--dns", "off", "--dns-parallel", bad, input.toString());
            assertThat(r.status()).isEqualTo(Main.EXIT_USAGE);
            assertThat(r.err()).contains("--dns-parallel");
        }
    }

    @Test
    void noMoreDomainsAreAskedAtOnceThanTheOptionSays() throws Exception {
        int domains = 12;
        StringBuilder csv = new StringBuilder("id,name,email\n");
        for (int i = 0; i < domains; i++) {
            csv.append("__export__.res_partner_").append(i).append(",C").append(i).append(",c").append(i)
                    .append("@d").append(i).append(".test\n");
        }
        Path input = dir.resolve("contactos.csv");
        Files.writeString(input, csv, StandardCharsets.UTF_8);
        CompletableFuture<Void> release = new CompletableFuture<>();
        try (LoopbackDnsServer dns = LoopbackDnsServer.start()) {
            for (int i = 0; i < domains; i++) {
                dns.mx("d" + i + ".test", 10, "mail.example.test")
                        .fault("d" + i + ".test", LoopbackDnsServer.Fault.heldUntil(release));
            }
            dns.a("mail.example.test", "11.22.33.44");
            CompletableFuture<Run> audit = CompletableFuture.supplyAsync(() -> run("audit", "--dns",
                    "127.0.0.1:" + dns.port(), "--dns-parallel", "2", "--extra-tld", "test", "--lang", "en",
                    input.toString()));
            // Two domains hold the slots; the reader has started a third and waits for a slot
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (dns.queryCounts().size() < 3 && System.nanoTime() < until) {
                TimeUnit.MILLISECONDS.sleep(5);
            }
            TimeUnit.MILLISECONDS.sleep(100); // room for a wrong fourth domain to be asked
            // distinct names: a held question may be sent a second time by dnsjava's retry
            assertThat(dns.queryCounts()).as("domains asked while every answer is held").hasSize(3);
            release.complete(null);
            Run r = audit.get(60, TimeUnit.SECONDS);
            assertThat(r.status()).as(r.err()).isZero();
            String checked = Files.readString(dir.resolve("contactos.checked.csv"), StandardCharsets.UTF_8);
            assertThat(checked.lines().filter(l -> l.contains(",VALID,"))).hasSize(domains);
            for (int i = 0; i < domains; i++) {
                assertThat(dns.queryCount("d" + i + ".test", Type.MX)).isBetween(1, 2);
            }
        }
    }
}
