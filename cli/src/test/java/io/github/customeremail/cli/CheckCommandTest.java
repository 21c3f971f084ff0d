package io.github.customeremail.cli;

import static io.github.customeremail.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.customeremail.cli.CliRun.Run;
import org.junit.jupiter.api.Test;

class CheckCommandTest {

    @Test
    void jsonContractForTheIssueExample() {
        Run r = run("check", "--dns", "off", "--format", "json", "  Juan.Perez@Gmail,com ");
        assertThat(r.status()).isZero();
        assertThat(r.out().lines()).hasSize(1);
        String line = r.out().strip();
        assertThat(line).startsWith("{\"input\":\"  Juan.Perez@Gmail,com \",\"normalized\":\"juan.perez@gmail.com\","
                + "\"verdict\":\"VALID\",\"suggestion\":null,\"findings\":[");
        assertThat(line).contains("{\"code\":\"TRIMMED\",\"message\":\"Se quitaron los espacios")
                .contains("\"code\":\"COMMA_IN_DOMAIN_REPLACED\"")
                .contains("\"code\":\"DOMAIN_LOWERCASED\"")
                .contains("\"code\":\"LOCAL_PART_LOWERCASED\"")
                .endsWith("]}");
    }

    @Test
    void jsonHasOneLinePerAddressInInputOrderWithEveryField() {
        Run r = run("check", "--dns=off", "--format=json", "--lang=en", "b@gmail.com", "juan perez@gmail.com", "a@x.com");
        assertThat(r.status()).isZero();
        var lines = r.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("{\"input\":\"b@gmail.com\"");
        assertThat(lines.get(1)).startsWith("{\"input\":\"juan perez@gmail.com\",\"normalized\":null,"
                + "\"verdict\":\"INVALID\",\"suggestion\":null,\"findings\":[{\"code\":\"SPACE_INSIDE\"")
                .contains("\"message\":\"The address contains a space.\"");
        assertThat(lines.get(2)).startsWith("{\"input\":\"a@x.com\"");
        for (String line : lines) {
            assertThat(line).contains("\"input\":", "\"normalized\":", "\"verdict\":", "\"suggestion\":",
                    "\"findings\":[");
        }
    }

    @Test
    void controlCharactersAreEscapedInJsonAndShownVisiblyInText() {
        Run json = run("check", "--dns", "off", "--format", "json", "juan@x.com\r\nBcc: evil@x.com");
        assertThat(json.out()).contains("\"input\":\"juan@x.com\\r\\nBcc: evil@x.com\"")
                .contains("CONTROL_CHARACTER");
        Run text = run("check", "--dns", "off", "juan\u001B[31m@x.com");
        assertThat(text.out()).contains("\\u001B[31m").doesNotContain("\u001B");
    }

    @Test
    void textShowsVerdictFixedAddressAndReasonsInTheChosenLanguage() {
        Run es = run("check", "--dns", "off", "Juan@Gmail.com", "juan.gmail.com");
        assertThat(es.status()).isZero();
        assertThat(es.out()).contains("VALID  \"Juan@Gmail.com\"  →  juan@gmail.com")
                .contains("INVALID  \"juan.gmail.com\"")
                .contains("MISSING_AT: A la dirección le falta la @.");
        Run en = run("check", "--dns", "off", "--lang", "en", "juan.gmail.com");
        assertThat(en.out()).contains("MISSING_AT: The address has no @.");
    }

    @Test
    void badUsageExitsWithTwo() {
        assertThat(run("check").status()).isEqualTo(2);
        assertThat(run("check", "--format", "xml", "a@b.com").status()).isEqualTo(2);
        assertThat(run("check", "--lang", "fr", "a@b.com").status()).isEqualTo(2);
        assertThat(run("check", "--no-such-option", "a@b.com").status()).isEqualTo(2);
        assertThat(run("frobnicate").status()).isEqualTo(2);
        Run badPort = run("check", "--dns", "127.0.0.1:99999", "a@b.com");
        assertThat(badPort.status()).isEqualTo(2);
        assertThat(badPort.err()).contains("port");
    }

    @Test
    void aConfigFileIsAppliedAndABadOneIsAUsageErrorNamingTheLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path good = dir.resolve("good.properties");
        java.nio.file.Files.writeString(good, "corporate-domains = tumatera.com\nrole-accounts = invalid\n");
        Run r = run("check", "--dns", "off", "--lang", "en", "--config", good.toString(), "juan@tumatera.com",
                "ventas@empresa.com.co");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("CORPORATE_DOMAIN", "INVALID  \"ventas@empresa.com.co\"", "ROLE_ACCOUNT");
        java.nio.file.Path bad = dir.resolve("bad.properties");
        java.nio.file.Files.writeString(bad, "# fine\nrole-accounts = maybe\n");
        Run b = run("check", "--dns", "off", "--config", bad.toString(), "juan@gmail.com");
        assertThat(b.status()).isEqualTo(2);
        assertThat(b.err()).contains("line 2", "role-accounts");
        assertThat(run("check", "--dns", "off", "--config", dir.resolve("missing").toString(), "a@b.com").status())
                .isEqualTo(2);
    }

    @Test
    void dnsSettingParsesEveryForm() {
        assertThat(DnsSetting.parse("off").mode()).isEqualTo(DnsSetting.Mode.OFF);
        assertThat(DnsSetting.parse("SYSTEM").mode()).isEqualTo(DnsSetting.Mode.SYSTEM);
        assertThat(DnsSetting.parse("127.0.0.1:5353")).isEqualTo(
                new DnsSetting(DnsSetting.Mode.SERVER, "127.0.0.1", 5353));
        assertThat(DnsSetting.parse("127.0.0.1")).isEqualTo(new DnsSetting(DnsSetting.Mode.SERVER, "127.0.0.1", 53));
        assertThat(DnsSetting.parse("[::1]:5353")).isEqualTo(new DnsSetting(DnsSetting.Mode.SERVER, "::1", 5353));
        assertThat(DnsSetting.parse("::1")).isEqualTo(new DnsSetting(DnsSetting.Mode.SERVER, "::1", 53));
    }

    @Test
    void portugueseAndUpperCaseOptionValues() {
        Run pt = run("check", "--dns", "off", "--lang", "PT", "--format", "Json",
                "juan@gmial.com");
        assertThat(pt.status()).as(pt.err()).isZero();
        assertThat(pt.out()).contains("\"verdict\":\"SUGGEST\"", "\"message\":\"Você quis dizer juan@gmail.com?\"");
        Run text = run("check", "--dns", "off", "--lang", "pt", "juan.gmail.com");
        assertThat(text.out()).contains("MISSING_AT: Falta o @ no endereço.");
        assertThat(run("check", "--dns", "off", "--lang", "fr", "a@b.com").status()).isEqualTo(2);
    }

    @Test
    void anArgumentStartingWithAtIsAnAddressNeverAFileToRead(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("secret.txt");
        java.nio.file.Files.writeString(file, "leaked-content@example.com\n");
        for (String[] args : new String[][] {
                {"check", "--dns", "off", "--format", "json", "--", "@" + file},
                {"check", "--dns", "off", "--format", "json", "@" + file}}) {
            Run r = run(args);
            assertThat(r.status()).as(r.err()).isZero();
            assertThat(r.out()).doesNotContain("leaked-content")
                    .contains("{\"input\":\"@" + file.toString().replace("\\", "\\\\") + "\"");
        }
        Run audit = run("audit", "@" + file);
        assertThat(audit.out() + audit.err()).doesNotContain("leaked-content");
    }
}
