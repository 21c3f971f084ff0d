package io.github.customeremail.cli;

import static io.github.customeremail.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.customeremail.cli.CliRun.Run;
import io.github.customeremail.dns.testing.LoopbackDnsServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Type;

/** A domain that never answers costs one lookup per audit, not one per row: counted at the DNS server. */
class AuditSlowDomainTest {

    @Test
    void everyRowOfADeadDomainSharesOneLookup(@TempDir Path dir) throws Exception {
        int rows = 300;
        StringBuilder csv = new StringBuilder("id,name,email\n");
        for (int i = 0; i < rows; i++) {
            String domain = i % 3 == 0 ? "dead.test" : "example.test";
            csv.append("__export__.res_partner_").append(i).append(",C").append(i).append(",c").append(i)
                    .append('@').append(domain).append('\n');
        }
        Path input = dir.resolve("contactos.csv");
        Files.writeString(input, csv, StandardCharsets.UTF_8);
        try (LoopbackDnsServer dns = LoopbackDnsServer.start()
                .mx("example.test", 10, "mail.example.test").a("mail.example.test", "11.22.33.44")
                .fault("dead.test", LoopbackDnsServer.Fault.drop())) {
            Run r = run("audit", "--dns", "127.0.0.1:" + dns.port(), "--extra-tld", "test", "--lang", "en",
                    input.toString());
            assertThat(r.status()).as(r.err()).isZero();
            String checked = Files.readString(dir.resolve("contactos.checked.csv"), StandardCharsets.UTF_8);
            assertThat(checked.lines().filter(l -> l.contains("@dead.test") && l.contains("UNKNOWN")))
                    .hasSize(rows / 3);
            assertThat(checked.lines().filter(l -> l.contains("@example.test") && l.contains(",VALID,")))
                    .hasSize(rows - rows / 3);
            // one lookup: its first send and dnsjava's one retry, never one per row
            assertThat(dns.queryCount("dead.test", Type.MX)).isBetween(1, 2);
            assertThat(dns.queryCount("example.test", Type.MX)).isEqualTo(1);
        }
    }
}
