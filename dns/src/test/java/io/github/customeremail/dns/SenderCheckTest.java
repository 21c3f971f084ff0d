package io.github.customeremail.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.customeremail.dns.testing.LoopbackDnsServer;
import io.github.customeremail.dns.testing.LoopbackDnsServer.Fault;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xbill.DNS.Type;

/**
 * {@link SenderCheck} against the in-process DNS server on loopback, which answers as a recursive resolver does:
 * NXDOMAIN and NODATA with the zone's SOA, CNAMEs followed, faults (dropped queries, SERVFAIL) per name.
 */
class SenderCheckTest {

    private static LoopbackDnsServer dns;
    private static SenderCheck sender;
    static String key2048;
    static String key1024;
    static String key512;

    @BeforeAll
    static void start() throws Exception {
        key2048 = rsaKey(2048);
        key1024 = rsaKey(1024);
        key512 = rsaKey(512);
        dns = LoopbackDnsServer.start();
        zones(dns);
        sender = SenderCheck.builder().server("127.0.0.1", dns.port())
                .queryTimeout(Duration.ofMillis(500)).retries(0)
                .blocklist("domain:dbl.test").blocklist("ip:ipbl.test").blocklist("domain:slowbl.test")
                .build();
    }

    @AfterAll
    static void stop() {
        sender.close();
        dns.close();
    }

    static String rsaKey(int bits) throws NoSuchAlgorithmException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(bits);
        return Base64.getEncoder().encodeToString(g.generateKeyPair().getPublic().getEncoded());
    }

    /** The test zones: one sending domain per case, plus SES's names and the blocklist zones. */
    static void zones(LoopbackDnsServer dns) {
        for (String zone : List.of("amazonses.com", "ok.test", "deep.test", "two.test", "void.test", "plusall.test",
                "nodmarc.test", "none.test", "baddmarc.test", "ext.test", "reports.example.test", "noauth.test",
                "sesdkim.test", "nomx.test", "listed.test", "refused.test", "servfail.test", "keys.test",
                "dbl.test", "ipbl.test", "slowbl.test", "mxmany.test", "mxten.test", "ed.test", "unread.test")) {
            dns.soa(zone, 300, 60);
        }
        dns.txt("amazonses.com", "v=spf1 ip4:199.255.192.0/22 ip4:199.127.232.0/22 ip4:54.240.0.0/18 -all");
        for (String t : List.of("tok1", "tok2", "tok3")) {
            dns.txt(t + ".dkim.amazonses.com", "p=" + key2048);
        }
        // ok.test: everything right, custom MAIL FROM bounce.ok.test in us-east-1
        dns.txt("ok.test", "v=spf1 include:amazonses.com -all");
        dns.txt("s1._domainkey.ok.test", "v=DKIM1; k=rsa; p=" + key2048);
        for (String t : List.of("tok1", "tok2", "tok3")) {
            dns.cname(t + "._domainkey.ok.test", t + ".dkim.amazonses.com");
        }
        dns.txt("_dmarc.ok.test", "v=DMARC1; p=reject; rua=mailto:dmarc@ok.test");
        dns.mx("bounce.ok.test", 10, "feedback-smtp.us-east-1.amazonses.com");
        dns.txt("bounce.ok.test", "v=spf1 include:amazonses.com ~all");
        // deep.test: 12 lookups through nested includes
        dns.txt("deep.test", "v=spf1 include:_spf1.deep.test include:_spf2.deep.test -all");
        dns.txt("_spf1.deep.test", "v=spf1 include:_spf3.deep.test a:h.deep.test mx:deep.test ~all");
        dns.txt("_spf2.deep.test", "v=spf1 a:h.deep.test a:h.deep.test a:h.deep.test ~all");
        dns.txt("_spf3.deep.test", "v=spf1 a:h.deep.test a:h.deep.test a:h.deep.test a:h.deep.test -all");
        dns.a("h.deep.test", "192.0.2.1").mx("deep.test", 10, "h.deep.test");
        // two.test: two SPF records
        dns.txt("two.test", "v=spf1 include:amazonses.com -all").txt("two.test", "v=spf1 ip4:192.0.2.1 -all");
        // void.test: three names that do not exist
        dns.txt("void.test", "v=spf1 a:nx1.void.test a:nx2.void.test mx:nx3.void.test include:amazonses.com -all");
        dns.txt("plusall.test", "v=spf1 include:amazonses.com +all");
        dns.txt("bounce.plusall.test", "v=spf1 -all"); // a MAIL FROM domain whose SPF leaves SES out
        dns.txt("nodmarc.test", "v=spf1 include:amazonses.com -all");
        dns.txt("_dmarc.none.test", "v=DMARC1; p=none");
        dns.txt("_dmarc.baddmarc.test", "v=DMARC1; p=maybe; rua=mailto:d@baddmarc.test");
        dns.txt("_dmarc.ext.test", "v=DMARC1; p=quarantine; pct=50; sp=none; "
                + "rua=mailto:r@reports.example.test,mailto:x@noauth.test");
        dns.txt("ext.test._report._dmarc.reports.example.test", "v=DMARC1");
        dns.txt("noauth.test", "v=spf1 -all");
        // sesdkim.test: tok1 right, tok2 missing, tok3 pointing elsewhere
        dns.cname("tok1._domainkey.sesdkim.test", "tok1.dkim.amazonses.com");
        dns.cname("tok3._domainkey.sesdkim.test", "tok3.dkim.example.test");
        dns.txt("_dmarc.sesdkim.test", "v=DMARC1; p=reject; rua=mailto:d@sesdkim.test");
        // nomx.test: custom MAIL FROM without its MX
        dns.txt("bounce.nomx.test", "v=spf1 include:amazonses.com ~all");
        dns.txt("nomx.test", "v=spf1 -all");
        // blocklists
        dns.a("listed.test.dbl.test", "127.0.1.2");
        dns.a("refused.test.dbl.test", "127.255.255.254");
        dns.a("99.2.0.192.ipbl.test", "127.0.0.2");
        dns.fault("listed.test.slowbl.test", Fault.drop());
        dns.fault("ok.test.slowbl.test", Fault.drop());
        dns.fault("servfail.test", Fault.servfail());
        dns.fault("_dmarc.servfail.test", Fault.servfail());
        // keys.test: weak, short, revoked and malformed DKIM keys
        dns.txt("weak._domainkey.keys.test", "v=DKIM1; k=rsa; p=" + key1024);
        dns.txt("short._domainkey.keys.test", "v=DKIM1; k=rsa; p=" + key512);
        dns.txt("revoked._domainkey.keys.test", "v=DKIM1; k=rsa; p=");
        dns.txt("broken._domainkey.keys.test", "v=DKIM1; k=rsa; p=bm90IGEga2V5");
        dns.txt("_dmarc.keys.test", "v=DMARC1; p=quarantine; rua=mailto:dmarc@keys.test");
        // mx mechanisms: 11 MX names is a permerror, 10 is fine; either way the MX lookup counts once
        dns.txt("mxmany.test", "v=spf1 mx include:amazonses.com -all");
        dns.txt("mxten.test", "v=spf1 mx include:amazonses.com -all");
        for (int i = 1; i <= 11; i++) {
            dns.mx("mxmany.test", i, "mx" + i + ".mxmany.test");
            if (i <= 10) {
                dns.mx("mxten.test", i, "mx" + i + ".mxten.test");
            }
        }
        // ed.test: an Ed25519 key, and an RSA key under another selector
        dns.txt("ed._domainkey.ed.test", "v=DKIM1; k=ed25519; p=" + Base64.getEncoder().encodeToString(new byte[32]));
        dns.txt("rsa._domainkey.ed.test", "v=DKIM1; k=rsa; p=" + key2048);
        dns.txt("_dmarc.ed.test", "v=DMARC1; p=reject; rua=mailto:d@ed.test");
        // unread.test: two includes that cannot be read, each for its own reason
        dns.txt("unread.test", "v=spf1 include:_a.unread.test include:_b.unread.test include:amazonses.com -all");
        dns.fault("_a.unread.test", Fault.servfail()).fault("_b.unread.test", Fault.drop());
    }

    static SenderReport check(SenderDomain d) {
        return sender.check(d).join();
    }

    static SenderCode code(SenderReport r, String name) {
        List<SenderFinding> found = r.named(name);
        assertThat(found).as("check %s in %s", name, r.checks()).hasSize(1);
        return found.get(0).code();
    }

    @Test
    void aDomainSetUpRightIsOkThroughout() {
        SenderReport r = check(SenderDomain.builder("ok.test").dkimSelectors("s1").sesDkimTokens("tok1", "tok2", "tok3")
                .sesRegion("us-east-1").mailFrom("bounce").sendingIps("192.0.2.10").build());
        assertThat(code(r, "spf")).isEqualTo(SenderCode.SPF_FOUND);
        assertThat(code(r, "spf.lookups")).isEqualTo(SenderCode.SPF_LOOKUPS_OK);
        assertThat(r.named("spf.lookups").get(0).parameters()).containsEntry("count", "1");
        assertThat(code(r, "spf.void-lookups")).isEqualTo(SenderCode.SPF_VOID_LOOKUPS_OK);
        assertThat(code(r, "spf.all")).isEqualTo(SenderCode.SPF_ALL_FAIL);
        assertThat(code(r, "spf.ses")).isEqualTo(SenderCode.SPF_SES_INCLUDED);
        assertThat(code(r, "dkim.s1")).isEqualTo(SenderCode.DKIM_KEY_OK);
        assertThat(r.named("dkim.s1").get(0).parameters()).containsEntry("bits", "2048");
        assertThat(code(r, "dkim.ses.tok2")).isEqualTo(SenderCode.DKIM_KEY_OK);
        assertThat(code(r, "dmarc")).isEqualTo(SenderCode.DMARC_FOUND);
        assertThat(code(r, "dmarc.policy")).isEqualTo(SenderCode.DMARC_POLICY_OK);
        assertThat(code(r, "dmarc.rua.ok.test")).isEqualTo(SenderCode.DMARC_REPORTS_INTERNAL);
        assertThat(code(r, "dmarc.alignment")).isEqualTo(SenderCode.DMARC_ALIGNED_SPF_AND_DKIM);
        assertThat(code(r, "mail-from.mx")).isEqualTo(SenderCode.MAIL_FROM_MX_OK);
        assertThat(code(r, "mail-from.spf.ses")).isEqualTo(SenderCode.SPF_SES_INCLUDED);
        assertThat(code(r, "blocklist.dbl.test")).isEqualTo(SenderCode.BLOCKLIST_NOT_LISTED);
        assertThat(code(r, "blocklist.ipbl.test.192.0.2.10")).isEqualTo(SenderCode.BLOCKLIST_NOT_LISTED);
        // the one dropped zone is unknown; everything else is OK
        assertThat(code(r, "blocklist.slowbl.test")).isEqualTo(SenderCode.BLOCKLIST_UNKNOWN);
        assertThat(r.checks()).filteredOn(f -> !f.name().equals("blocklist.slowbl.test"))
                .allSatisfy(f -> assertThat(f.status()).as(f.toString()).isEqualTo(SenderStatus.OK));
        assertThat(r.status()).isEqualTo(SenderStatus.UNKNOWN);
    }

    /**
     * The case table of issue 21: a sending setup, the check looked at, and the code it must get. Shared by the
     * CLI's tests in spirit; printed in the report that closes the issue.
     */
    static Stream<Arguments> cases() {
        return Stream.of(
                row("SPF over the lookup limit through nested includes", SenderDomain.builder("deep.test"),
                        "spf.lookups", SenderCode.SPF_TOO_MANY_LOOKUPS),
                row("two SPF records", SenderDomain.builder("two.test"), "spf", SenderCode.SPF_MULTIPLE),
                row("three void lookups", SenderDomain.builder("void.test"),
                        "spf.void-lookups", SenderCode.SPF_TOO_MANY_VOID_LOOKUPS),
                row("+all", SenderDomain.builder("plusall.test"), "spf.all", SenderCode.SPF_ALL_PASS),
                row("SPF SERVFAIL", SenderDomain.builder("servfail.test"), "spf", SenderCode.SPF_UNKNOWN),
                row("DMARC missing", SenderDomain.builder("nodmarc.test"), "dmarc", SenderCode.DMARC_MISSING),
                row("DMARC p=none", SenderDomain.builder("none.test"), "dmarc.policy", SenderCode.DMARC_POLICY_NONE),
                row("DMARC without rua", SenderDomain.builder("none.test"), "dmarc.reports",
                        SenderCode.DMARC_NO_REPORTS),
                row("DMARC malformed (p=maybe)", SenderDomain.builder("baddmarc.test"), "dmarc",
                        SenderCode.DMARC_MALFORMED),
                row("DMARC SERVFAIL", SenderDomain.builder("servfail.test"), "dmarc", SenderCode.DMARC_UNKNOWN),
                row("sending subdomain under its organization's p=reject", SenderDomain.builder("facturas.ok.test"),
                        "dmarc.policy", SenderCode.DMARC_POLICY_OK),
                row("sending subdomain under its organization's sp=none", SenderDomain.builder("facturas.ext.test"),
                        "dmarc.policy", SenderCode.DMARC_POLICY_NONE),
                row("external rua with authorization", SenderDomain.builder("ext.test"),
                        "dmarc.rua.reports.example.test", SenderCode.DMARC_EXTERNAL_AUTHORIZED),
                row("external rua without authorization", SenderDomain.builder("ext.test"),
                        "dmarc.rua.noauth.test", SenderCode.DMARC_EXTERNAL_NOT_AUTHORIZED),
                row("DMARC pct=50", SenderDomain.builder("ext.test"), "dmarc.pct", SenderCode.DMARC_PCT_PARTIAL),
                row("DMARC sp weaker than p", SenderDomain.builder("ext.test"), "dmarc.sp",
                        SenderCode.DMARC_SUBDOMAIN_POLICY_WEAKER),
                row("SES DKIM CNAME present, key behind it", sesDkim(), "dkim.ses.tok1", SenderCode.DKIM_KEY_OK),
                row("SES DKIM CNAME missing", sesDkim(), "dkim.ses.tok2", SenderCode.DKIM_SES_CNAME_MISSING),
                row("SES DKIM CNAME to another target", sesDkim(), "dkim.ses.tok3", SenderCode.DKIM_SES_CNAME_WRONG),
                row("SES default MAIL FROM, one DKIM works", sesDkim(), "dmarc.alignment",
                        SenderCode.DMARC_ALIGNED_DKIM_ONLY),
                row("SES default MAIL FROM, DKIM fails", SenderDomain.builder("sesdkim.test").sesDkimTokens("tok2"),
                        "dmarc.alignment", SenderCode.DMARC_NOT_ALIGNED),
                row("custom MAIL FROM without its MX",
                        SenderDomain.builder("nomx.test").sesRegion("eu-west-1").mailFrom("bounce.nomx.test"),
                        "mail-from.mx", SenderCode.MAIL_FROM_MX_MISSING),
                row("custom MAIL FROM whose SPF leaves SES out",
                        SenderDomain.builder("plusall.test").mailFrom("bounce"),
                        "mail-from.spf.ses", SenderCode.SPF_SES_MISSING),
                row("custom MAIL FROM with another region's MX",
                        SenderDomain.builder("ok.test").sesRegion("eu-west-1").mailFrom("bounce"),
                        "mail-from.mx", SenderCode.MAIL_FROM_MX_WRONG),
                row("listed domain", SenderDomain.builder("listed.test"), "blocklist.dbl.test",
                        SenderCode.BLOCKLIST_LISTED),
                row("listed IP", SenderDomain.builder("listed.test").sendingIps("192.0.2.99"),
                        "blocklist.ipbl.test.192.0.2.99", SenderCode.BLOCKLIST_LISTED),
                row("public resolver refused (127.255.255.254)", SenderDomain.builder("refused.test"),
                        "blocklist.dbl.test", SenderCode.BLOCKLIST_REFUSED),
                row("blocklist zone that times out", SenderDomain.builder("listed.test"), "blocklist.slowbl.test",
                        SenderCode.BLOCKLIST_UNKNOWN),
                row("IP lists without own sending IPs", SenderDomain.builder("plusall.test"), "blocklist.ip",
                        SenderCode.BLOCKLIST_SES_SHARED_IPS),
                row("DKIM 1024-bit key", keys(), "dkim.weak", SenderCode.DKIM_KEY_WEAK),
                row("SES default MAIL FROM, only a 1024-bit key (weak, but it verifies)",
                        SenderDomain.builder("keys.test").dkimSelectors("weak"), "dmarc.alignment",
                        SenderCode.DMARC_ALIGNED_DKIM_ONLY),
                row("SES default MAIL FROM, only a 512-bit key (receivers refuse it)",
                        SenderDomain.builder("keys.test").dkimSelectors("short"), "dmarc.alignment",
                        SenderCode.DMARC_NOT_ALIGNED),
                row("DKIM 512-bit key", keys(), "dkim.short", SenderCode.DKIM_KEY_TOO_SHORT),
                row("DKIM revoked key (p=)", keys(), "dkim.revoked", SenderCode.DKIM_KEY_REVOKED),
                row("DKIM key that does not parse", keys(), "dkim.broken", SenderCode.DKIM_KEY_MALFORMED),
                row("DKIM selector without a key", keys(), "dkim.absent", SenderCode.DKIM_KEY_MISSING),
                row("SPF mx with 11 MX names", SenderDomain.builder("mxmany.test"), "spf.mx.mxmany.test",
                        SenderCode.SPF_MX_TOO_MANY_NAMES),
                row("DKIM Ed25519 key", SenderDomain.builder("ed.test").dkimSelectors("ed"), "dkim.ed",
                        SenderCode.DKIM_KEY_OK),
                row("DKIM Ed25519 keys only", SenderDomain.builder("ed.test").dkimSelectors("ed"), "dkim",
                        SenderCode.DKIM_ED25519_ONLY),
                row("SPF includes that cannot be read", SenderDomain.builder("unread.test"), "spf.lookups",
                        SenderCode.SPF_LOOKUPS_UNKNOWN));
    }

    private static Arguments row(String label, SenderDomain.Builder setup, String check, SenderCode code) {
        return Arguments.of(label, setup.build(), check, code);
    }

    private static SenderDomain.Builder sesDkim() {
        return SenderDomain.builder("sesdkim.test").sesDkimTokens("tok1", "tok2", "tok3");
    }

    private static SenderDomain.Builder keys() {
        return SenderDomain.builder("keys.test").dkimSelectors("weak", "short", "revoked", "broken", "absent");
    }

    @ParameterizedTest(name = "{0}: {2} is {3}")
    @MethodSource("cases")
    void caseTable(String label, SenderDomain setup, String check, SenderCode expected) {
        SenderReport r = check(setup);
        assertThat(code(r, check)).as(label).isEqualTo(expected);
        if (expected.status() == SenderStatus.ERROR) {
            assertThat(r.status()).isEqualTo(SenderStatus.ERROR);
        }
    }

    @Test
    void theLookupCountGoesOnThroughNestedIncludesAndVoidLookupsAreCounted() {
        SenderReport deep = check(SenderDomain.builder("deep.test").build());
        assertThat(Integer.parseInt(deep.named("spf.lookups").get(0).parameters().get("count"))).isGreaterThan(10);
        SenderReport voids = check(SenderDomain.builder("void.test").build());
        assertThat(voids.named("spf.void-lookups").get(0).parameters()).containsEntry("count", "3");
        assertThat(code(voids, "spf.lookups")).isEqualTo(SenderCode.SPF_LOOKUPS_OK);
        assertThat(check(SenderDomain.builder("two.test").build()).named("spf.lookups")).isEmpty();
    }

    @Test
    void anMxMechanismCountsOnceAndItsNamesUpToTen() {
        SenderReport many = check(SenderDomain.builder("mxmany.test").build());
        assertThat(many.named("spf.lookups").get(0).parameters()).containsEntry("count", "2");
        assertThat(many.named("spf.mx.mxmany.test").get(0).parameters()).containsEntry("count", "11");
        assertThat(many.status()).isEqualTo(SenderStatus.ERROR);
        SenderReport ten = check(SenderDomain.builder("mxten.test").build());
        assertThat(ten.checks()).noneMatch(f -> f.name().startsWith("spf.mx."));
        assertThat(code(ten, "spf.lookups")).isEqualTo(SenderCode.SPF_LOOKUPS_OK);
    }

    @Test
    void anEd25519KeyBesideAnRsaKeyNeedsNoAdvice() {
        SenderReport r = check(SenderDomain.builder("ed.test").dkimSelectors("ed", "rsa").build());
        assertThat(r.named("dkim.ed").get(0).parameters()).containsEntry("type", "ed25519").containsEntry("bits", "256");
        assertThat(code(r, "dkim.rsa")).isEqualTo(SenderCode.DKIM_KEY_OK);
        assertThat(r.named("dkim")).isEmpty();
        SenderReport edOnly = check(SenderDomain.builder("ed.test").dkimSelectors("ed").build());
        assertThat(edOnly.named("dkim").get(0).status()).isEqualTo(SenderStatus.WARNING);
        assertThat(code(edOnly, "dmarc.alignment")).as("an Ed25519 signature counts for DMARC")
                .isEqualTo(SenderCode.DMARC_ALIGNED_DKIM_ONLY);
        assertThat(edOnly.named("dkim").get(0).message(Locale.forLanguageTag("es"))).contains("RSA", "Ed25519");
    }

    @Test
    void everyIncludeThatCannotBeReadIsListedWithItsReason() {
        SenderFinding f = check(SenderDomain.builder("unread.test").build()).named("spf.lookups").get(0);
        assertThat(f.parameters().get("targets")).contains("_a.unread.test (", "_b.unread.test (")
                .containsIgnoringCase("servfail").contains("timeout");
        assertThat(f.message(Locale.ENGLISH)).contains("_a.unread.test", "_b.unread.test");
    }

    @Test
    void aSendingSubdomainWithoutItsOwnDmarcRecordFallsUnderItsOrganizationsRecord() {
        SenderReport r = check(SenderDomain.builder("facturas.ok.test").build());
        assertThat(r.named("dmarc").get(0).parameters()).containsEntry("name", "_dmarc.ok.test");
        assertThat(dns.queryCount("_dmarc.facturas.ok.test", Type.TXT)).isPositive();
        assertThat(r.named("dmarc.sp")).isEmpty();
        SenderReport none = check(SenderDomain.builder("x.nodmarc.test").build());
        assertThat(none.named("dmarc").get(0).code()).isEqualTo(SenderCode.DMARC_MISSING);
        assertThat(none.named("dmarc").get(0).parameters()).containsEntry("name", "_dmarc.x.nodmarc.test");
    }

    @Test
    void theDkimOnlyAlignmentSaysWhySpfCannotAlign() {
        SenderReport r = check(sesDkim().build());
        assertThat(r.named("dmarc.alignment").get(0).message(Locale.ENGLISH)).contains("amazonses.com", "DKIM");
        assertThat(r.named("dkim.ses.tok3").get(0).parameters()).containsEntry("found", "tok3.dkim.example.test");
    }

    @Test
    void listedAndRefusedAnswersCarryTheirDetails() {
        SenderReport r = check(SenderDomain.builder("listed.test").sendingIps("192.0.2.99", "192.0.2.10").build());
        assertThat(r.named("blocklist.dbl.test").get(0).parameters()).containsEntry("answer", "127.0.1.2");
        assertThat(code(r, "blocklist.ipbl.test.192.0.2.10")).isEqualTo(SenderCode.BLOCKLIST_NOT_LISTED);
        assertThat(dns.queryCount("99.2.0.192.ipbl.test", Type.A)).isPositive();
        assertThat(r.named("blocklist.slowbl.test").get(0).parameters().get("reason")).contains("timeout");
        SenderFinding refused = check(SenderDomain.builder("refused.test").build()).named("blocklist.dbl.test").get(0);
        assertThat(refused.status()).isEqualTo(SenderStatus.UNKNOWN);
        assertThat(refused.message(Locale.ENGLISH)).contains("own DNS resolver", "data-query key");
    }

    @Test
    void ipListsAreNotQueriedWithoutOwnSendingIps() {
        dns.resetCounts();
        SenderReport r = check(SenderDomain.builder("plusall.test").build());
        assertThat(r.checks()).noneMatch(f -> f.name().startsWith("blocklist.ipbl.test"));
        assertThat(dns.queryCount("plusall.test.dbl.test", Type.A)).isEqualTo(1); // domain lists still are
    }

    @Test
    void sesNeedNotBeInTheSendingDomainsSpfButInTheCustomMailFromDomains() {
        SenderReport r = check(SenderDomain.builder("nomx.test").build());
        assertThat(code(r, "spf.ses")).isEqualTo(SenderCode.SPF_SES_NOT_NEEDED);
        assertThat(code(r, "mail-from")).isEqualTo(SenderCode.MAIL_FROM_SES_DEFAULT);
        SenderReport custom = check(SenderDomain.builder("nomx.test").mailFrom("bounce").build());
        assertThat(code(custom, "mail-from.spf.ses")).isEqualTo(SenderCode.SPF_SES_INCLUDED);
    }

    @Test
    void servfailIsUnknownNeverMissing() {
        SenderReport r = check(SenderDomain.builder("servfail.test").dkimSelectors("s1").build());
        assertThat(code(r, "spf")).isEqualTo(SenderCode.SPF_UNKNOWN);
        assertThat(code(r, "dmarc")).isEqualTo(SenderCode.DMARC_UNKNOWN);
        assertThat(r.checks())
                .noneMatch(f -> f.code() == SenderCode.SPF_MISSING || f.code() == SenderCode.DMARC_MISSING);
    }

    @Test
    void withoutSelectorsOrBlocklistsThoseChecksSaySoAsUnknown() throws Exception {
        try (SenderCheck plain = SenderCheck.builder().server("127.0.0.1", dns.port()).build()) {
            SenderReport r = plain.check(SenderDomain.builder("ok.test").build()).join();
            assertThat(code(r, "dkim")).isEqualTo(SenderCode.DKIM_NOT_CONFIGURED);
            assertThat(code(r, "blocklists")).isEqualTo(SenderCode.BLOCKLIST_NOT_CONFIGURED);
            assertThat(code(r, "dmarc.alignment")).isEqualTo(SenderCode.DMARC_ALIGNMENT_UNKNOWN);
        }
    }

    @Test
    void aServerThatDropsEverythingGivesAnAllUnknownReportWithinTheDeadline() throws Exception {
        dns.fault("gone.test", Fault.drop()).fault("_dmarc.gone.test", Fault.drop());
        try (SenderCheck s = SenderCheck.builder().server("127.0.0.1", dns.port()).queryTimeout(Duration.ofSeconds(5))
                .deadline(Duration.ofMillis(300)).build()) {
            SenderReport r = s.check(SenderDomain.builder("gone.test").build()).join();
            assertThat(code(r, "spf")).isEqualTo(SenderCode.SPF_UNKNOWN);
            assertThat(r.named("spf").get(0).parameters()).containsEntry("reason", "deadline");
            assertThat(code(r, "dmarc")).isEqualTo(SenderCode.DMARC_UNKNOWN);
            assertThat(r.checks()).noneMatch(f -> f.status() == SenderStatus.ERROR);
        }
    }
}
