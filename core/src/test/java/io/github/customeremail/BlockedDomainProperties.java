package io.github.customeremail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class BlockedDomainProperties {

    /** A lower-case domain of 2–4 LDH labels whose TLD is real (so the parser accepts addresses at it). */
    @Provide
    Arbitrary<String> domains() {
        Arbitrary<String> label = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789")
                .ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> tld = Arbitraries.of("com", "co", "mx", "es", "ar", "net", "org", "pe", "cl");
        return Combinators.combine(label.list().ofMinSize(1).ofMaxSize(3), tld)
                .as((labels, t) -> String.join(".", labels) + "." + t);
    }

    @Provide
    Arbitrary<String> prefixes() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-").ofMinLength(1)
                .ofMaxLength(8).filter(s -> !s.startsWith("-"));
    }

    @Property
    void blockedDomainAndItsSubdomainsMatchWhateverTheCaseAndTrailingDot(
            @ForAll("domains") String domain, @ForAll("domains") String sub, @ForAll boolean upper,
            @ForAll boolean trailingDot) {
        String configured = (upper ? domain.toUpperCase(Locale.ROOT) : domain) + (trailingDot ? "." : "");
        CustomerEmailValidator v = CustomerEmailValidator.builder().blockedDomains(configured).build();
        String subLabel = sub.substring(0, sub.indexOf('.'));
        for (String address : new String[] {"juan@" + domain, "juan@" + domain.toUpperCase(Locale.ROOT),
                "juan@" + subLabel + "." + domain}) {
            EmailCheck check = v.check(address);
            assertThat(check.verdict()).as(address).isEqualTo(Verdict.INVALID);
            assertThat(PolicyTest.only(check, FindingCode.BLOCKED_DOMAIN).parameter("domain")).isEqualTo(domain);
        }
    }

    @Property(tries = 25_000) // cheap: DomainSet alone
    void aMereSuffixNeverMatches(@ForAll("domains") String domain, @ForAll("prefixes") String prefix) {
        DomainSet set = DomainSet.of(java.util.List.of(DomainSet.canonical(domain)));
        // "nottumatera.com" is not "tumatera.com", nor a subdomain of it
        assertThat(set.match(prefix + domain)).isNull();
        assertThat(set.match(prefix + "-" + domain)).isNull();
        // "tumatera.com.co" is not blocked by "tumatera.com" (unless it really is a subdomain: "co.co.co" of "co.co")
        if (!(domain + ".co").endsWith("." + domain)) {
            assertThat(set.match(domain + ".co")).isNull();
        }
        // (the generated domains never end in "zz", so this cannot be a subdomain by accident)
        assertThat(set.match(domain + "." + prefix + "zz")).isNull();
        // but a real subdomain is
        assertThat(set.match(prefix.replace("-", "x") + "." + domain)).isEqualTo(domain);
    }

    @Property
    void noSuffixMatchThroughTheFacadeEither(@ForAll("domains") String domain, @ForAll("prefixes") String prefix) {
        CustomerEmailValidator v = CustomerEmailValidator.builder().corporateDomains(domain)
                .disposableDomainCheck(false).roleAccounts(RuleMode.OFF).build();
        String address = "cliente@" + prefix.replace("-", "x") + domain;
        assertThat(PolicyTest.has(v.check(address), FindingCode.CORPORATE_DOMAIN)).as(address).isFalse();
    }

    @Property(tries = 25_000) // cheap: DomainSet alone
    void canonicalFormIsIdempotent(@ForAll("domains") String domain, @ForAll boolean upper) {
        String c = DomainSet.canonical(upper ? domain.toUpperCase(Locale.ROOT) + "." : domain);
        assertThat(c).isEqualTo(domain);
        assertThat(DomainSet.canonical(c)).isEqualTo(c);
    }
}
