package io.github.customeremail.cli;

import static io.github.customeremail.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.customeremail.dns.testing.LoopbackDnsServer;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code sender --dns 127.0.0.1:PORT} against the in-process DNS server of the dns module's test-jar. */
class SenderCommandTest {

    private static LoopbackDnsServer dns;

    @BeforeAll
    static void startDns() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        String key = Base64.getEncoder().encodeToString(g.generateKeyPair().getPublic().getEncoded());
        dns = LoopbackDnsServer.start();
        for (String zone : List.of("amazonses.com", "listo.test", "tumatera.test", "dbl.test", "reportes.test")) {
            dns.soa(zone, 300, 60);
        }
        dns.txt("amazonses.com", "v=spf1 ip4:54.240.0.0/18 -all");
        for (String t : List.of("t1", "t2", "t3")) {
            dns.txt(t + ".dkim.amazonses.com", "p=" + key);
            dns.cname(t + "._domainkey.listo.test", t + ".dkim.amazonses.com");
        }
        // listo.test: ready to send with SES's default MAIL FROM
        dns.txt("listo.test", "v=spf1 include:amazonses.com -all");
        dns.txt("_dmarc.listo.test", "v=DMARC1; p=reject; rua=mailto:dmarc@listo.test");
        // tumatera.test: +all, p=none with an external rua that does not accept it, one SES CNAME missing,
        // a MAIL FROM without its MX, listed on the domain blocklist
        dns.txt("tumatera.test", "v=spf1 include:amazonses.com +all");
        dns.cname("t1._domainkey.tumatera.test", "t1.dkim.amazonses.com");
        dns.cname("t2._domainkey.tumatera.test", "t2.dkim.amazonses.com");
        dns.txt("_dmarc.tumatera.test", "v=DMARC1; p=none; rua=mailto:dmarc@reportes.test");
        dns.txt("rebote.tumatera.test", "v=spf1 include:amazonses.com ~all");
        dns.a("tumatera.test.dbl.test", "127.0.1.2");
    }

    @AfterAll
    static void stopDns() {
        dns.close();
    }

    private static CliRun.Run sender(String... args) {
        List<String> all = new ArrayList<>(List.of("sender", "--dns", "127.0.0.1:" + dns.port(),
                "--ses-dkim-token", "t1", "--ses-dkim-token", "t2", "--ses-dkim-token", "t3"));
        all.addAll(List.of(args));
        return run(all.toArray(String[]::new));
    }

    @Test
    void spanishToDoListPutsErrorsFirstAndSaysWhatToDo() {
        var r = sender("--mail-from", "rebote", "--ses-region", "us-east-1", "--blocklist", "domain:dbl.test",
                "tumatera.test");
        assertThat(r.status()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).startsWith("tumatera.test: ").contains("por corregir", "sin verificar");
        assertThat(r.out()).contains(
                "✗ spf.all: El registro SPF de tumatera.test termina en +all",
                "✗ dkim.ses.t3: Falta el registro DKIM de Amazon SES t3._domainkey.tumatera.test",
                "✗ dmarc.rua.reportes.test:",
                "! dmarc.policy: La política DMARC de tumatera.test es \"none\"",
                "✗ mail-from.mx: El dominio MAIL FROM rebote.tumatera.test no tiene registro MX",
                "MX 10 feedback-smtp.us-east-1.amazonses.com",
                "✗ blocklist.dbl.test: tumatera.test está en dbl.test");
        // errors, then warnings, then the rest
        int lastError = -1;
        int firstWarning = Integer.MAX_VALUE;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("  ✗")) {
                lastError = i;
            }
            if (lines.get(i).startsWith("  !")) {
                firstWarning = Math.min(firstWarning, i);
            }
        }
        assertThat(lastError).isLessThan(firstWarning);
        assertThat(lines.get(lines.size() - 1)).startsWith("  ✓ en orden (");
    }

    @Test
    void englishToDoListOfAReadyDomain() {
        var r = sender("--lang", "en", "listo.test");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("listo.test: 0 to fix, 1 not verified",
                "? blocklists: No blocklist was checked",
                "in order (")
                .doesNotContain("✗");
    }

    @Test
    void jsonIsOneObjectPerDomainWithEveryCheck() {
        var r = sender("--format", "json", "--lang", "en", "listo.test", "tumatera.test");
        assertThat(r.status()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("{\"domain\":\"listo.test\",\"status\":\"unknown\",\"checks\":[")
                .contains("{\"name\":\"spf.all\",\"status\":\"ok\",\"code\":\"SPF_ALL_FAIL\",\"message\":")
                .contains("{\"name\":\"dmarc.alignment\",\"status\":\"ok\",\"code\":\"DMARC_ALIGNED_DKIM_ONLY\"")
                .endsWith("]}");
        assertThat(lines.get(1)).startsWith("{\"domain\":\"tumatera.test\",\"status\":\"error\"")
                .contains("\"code\":\"SPF_ALL_PASS\"", "anyone may send mail as tumatera.test");
    }

    @Test
    void portugueseMessages() {
        var r = sender("--lang", "pt", "tumatera.test");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("a corrigir", "qualquer um pode enviar e-mails como tumatera.test");
    }

    @Test
    void badUsageExitsWith2() {
        assertThat(sender("--lang", "fr", "listo.test").status()).isEqualTo(2);
        assertThat(sender("--format", "xml", "listo.test").status()).isEqualTo(2);
        assertThat(sender("not a domain").status()).isEqualTo(2);
        assertThat(sender("--ses-region", "virginia", "listo.test").status()).isEqualTo(2);
        assertThat(sender("--sending-ip", "mail.listo.test", "listo.test").status()).isEqualTo(2);
        var unknownZone = sender("--blocklist", "bl.example.test", "listo.test");
        assertThat(unknownZone.status()).isEqualTo(2);
        assertThat(unknownZone.err()).contains("domain:bl.example.test");
        assertThat(run("sender", "--dns", "off", "listo.test").status()).isEqualTo(2);
        assertThat(run("sender").status()).isEqualTo(2);
    }
}
