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

/**
 * A resolver that answers NXDOMAIN for every name (a sinkhole, a captive or offline resolver) must never turn
 * addresses INVALID: they are UNKNOWN with DNS_RESOLVER_UNRELIABLE, and stderr says once what to fix.
 */
class SinkholeResolverTest {

    private static final String WARNING = "the DNS server denies domains that exist";

    @Test
    void checkAgainstASinkholeIsUnknownWithOneWarning() throws Exception {
        try (LoopbackDnsServer sinkhole = LoopbackDnsServer.start().sinkhole(true)) {
            Run r = run("check", "--dns", "127.0.0.1:" + sinkhole.port(), "--format", "json", "--lang", "en",
                    "juan.perez@gmail.com", "ana@empresa.com.co");
            assertThat(r.status()).as(r.err()).isZero();
            assertThat(r.out().lines()).hasSize(2).allSatisfy(line -> assertThat(line)
                    .contains("\"verdict\":\"UNKNOWN\"", "\"code\":\"DNS_RESOLVER_UNRELIABLE\"")
                    .doesNotContain("INVALID", "DOMAIN_NOT_FOUND"));
            assertThat(r.err().split(WARNING, -1)).as(r.err()).hasSize(2);
            Run es = run("check", "--dns", "127.0.0.1:" + sinkhole.port(), "juan.perez@gmail.com");
            assertThat(es.err()).contains("aviso: el servidor DNS niega dominios que sí existen");
        }
    }

    @Test
    void anAuditAgainstASinkholeReportsNoBounces(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("contactos.csv");
        Files.writeString(input, "id,name,email\n__export__.res_partner_1,Juan,juan.perez@gmail.com\n"
                + "__export__.res_partner_2,Ana,ana@hotmail.com\n", StandardCharsets.UTF_8);
        try (LoopbackDnsServer sinkhole = LoopbackDnsServer.start().sinkhole(true)) {
            Run r = run("audit", "--dns", "127.0.0.1:" + sinkhole.port(), "--lang", "en", input.toString());
            assertThat(r.status()).as(r.err()).isZero();
            String checked = Files.readString(dir.resolve("contactos.checked.csv"), StandardCharsets.UTF_8);
            assertThat(checked).contains("UNKNOWN", "DNS_RESOLVER_UNRELIABLE").doesNotContain("INVALID");
            assertThat(r.err().split(WARNING, -1)).as(r.err()).hasSize(2);
        }
    }

    @Test
    void aCanaryTheServerAnswersLetsItsSoaLessDenialsCount() throws Exception {
        try (LoopbackDnsServer dns = LoopbackDnsServer.start().negativesWithoutSoa(true)
                .mx("canary.test", 10, "mx.canary.test")) {
            String server = "127.0.0.1:" + dns.port();
            Run unverified = run("check", "--dns", server, "--extra-tld", "test", "--format", "json",
                    "ana@nosuch.test");
            assertThat(unverified.out()).contains("\"verdict\":\"UNKNOWN\"").doesNotContain("INVALID");
            Run verified = run("check", "--dns", server, "--dns-canary", "canary.test", "--extra-tld", "test",
                    "--format", "json", "ana@nosuch.test");
            assertThat(verified.out()).contains("\"verdict\":\"INVALID\"", "\"code\":\"DOMAIN_NOT_FOUND\"");
            assertThat(run("check", "--dns", server, "--dns-canary", "bad domain!", "a@b.com").status())
                    .isEqualTo(2);
        }
    }
}
