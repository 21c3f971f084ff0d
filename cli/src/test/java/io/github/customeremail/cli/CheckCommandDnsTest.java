package io.github.customeremail.cli;

import static io.github.customeremail.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.customeremail.dns.testing.LoopbackDnsServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code check --dns 127.0.0.1:PORT} against the in-process DNS responder of the dns module's test-jar. */
class CheckCommandDnsTest {

    private static LoopbackDnsServer dns;

    @BeforeAll
    static void startDns() throws Exception {
        dns = LoopbackDnsServer.start()
                .mx("example.test", 10, "mail.example.test").a("mail.example.test", "11.22.33.44")
                .nullMx("nullmx.test", 300)
                .mx("private.test", 10, "mx.private.test").a("mx.private.test", "10.1.2.3")
                .fault("dropped.test", LoopbackDnsServer.Fault.drop());
    }

    @AfterAll
    static void stopDns() {
        dns.close();
    }

    private String server() {
        return "127.0.0.1:" + dns.port();
    }

    @Test
    void mxNullMxAndPrivateHostsGiveValidAndInvalid() {
        var r = run("check", "--dns", server(), "--extra-tld", "test", "--format", "json",
                "juan@example.test", "ana@nullmx.test", "luis@private.test");
        assertThat(r.status()).isZero();
        var lines = r.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("\"verdict\":\"VALID\"");
        assertThat(lines.get(1)).contains("\"verdict\":\"INVALID\"", "\"code\":\"NULL_MX\"");
        assertThat(lines.get(2)).contains("\"verdict\":\"INVALID\"", "\"code\":\"MAIL_HOST_NOT_PUBLIC\"");
    }

    @Test
    void aServerThatDropsQueriesGivesUnknownWithinTheDeadline() {
        long start = System.nanoTime();
        var r = run("check", "--dns", server(), "--extra-tld", "test", "--format", "json", "--lang", "en",
                "juan@dropped.test");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("\"verdict\":\"UNKNOWN\"", "\"code\":\"DNS_INDETERMINATE\"",
                "could not be verified");
        // The checker's deadline is 2 s; the facade's outer one 5 s. Generous margin: this is not a timing test.
        assertThat(took).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void invalidSyntaxAndTyposAreNeverLookedUp() {
        dns.resetCounts();
        var r = run("check", "--dns", server(), "juan@@x.com", "juan@gmial.com");
        assertThat(r.status()).isZero();
        assertThat(dns.totalQueries()).isZero();
    }

    @Test
    void dnsHostMustBeAnIpAddress() {
        var r = run("check", "--dns", "dns.example.com:53", "juan@example.com");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("IP address");
    }

    @Test
    void badCorporateDomainOrExtraTldIsAUsageError() {
        assertThat(run("check", "--dns", "off", "--corporate-domain", "bad domain", "a@b.com").status())
                .isEqualTo(2);
        assertThat(run("check", "--dns", "off", "--extra-tld", "no good", "a@b.com").status()).isEqualTo(2);
    }
}
