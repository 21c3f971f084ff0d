package io.github.customeremail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The fast paths answer exactly like the general ones: the parser's one-pass check of a plain ASCII domain (letters,
 * digits, dots) like the label-by-label parse, on generated addresses built to sit on both sides of its conditions
 * (hyphens, empty and 63/64 character labels, upper case, ACE prefixes, odd characters) and on the conformance
 * suites; a check at a known clean domain ({@link CleanDomains}) like the full pipeline, under configurations that
 * block, allow, mark as disposable or correct some of those domains.
 */
class FastPathEquivalenceProperties {

    private static final AddressParser PARSER = AddressParser.strict();

    /** Domains mostly plain, sometimes not: each label drawn from a few shapes. */
    @Provide
    Arbitrary<String> address() {
        Arbitrary<String> label = Arbitraries.oneOf(
                Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789").ofMinLength(1).ofMaxLength(12),
                Arbitraries.strings().withChars("abcXYZ019").ofMinLength(1).ofMaxLength(6),
                Arbitraries.strings().withChars("ab-").ofMinLength(0).ofMaxLength(6),
                Arbitraries.strings().withChars("a").ofMinLength(62).ofMaxLength(65),
                Arbitraries.of("xn--gmil-6na", "XN--bcher-kva", "ab--cd", "xn--", "gmail", "com", "co", "con", "mx",
                        "example", "test", "", "a_b", "a b", "é", "Ａ", "a,b"));
        Arbitrary<String> domain = label.list().ofMinSize(1).ofMaxSize(5).map(labels -> String.join(".", labels));
        Arbitrary<String> local = Arbitraries.oneOf(
                Arbitraries.of("juan.perez", "ventas", "J.P", "a", "josé", "x".repeat(64), "x".repeat(65)),
                Arbitraries.strings().withChars("abc.+_-").ofMinLength(1).ofMaxLength(8));
        return Combinators.combine(local, domain).as((l, d) -> l + "@" + d);
    }

    @Property(tries = 20_000)
    void theOnePassDomainCheckAnswersLikeTheLabelByLabelParse(@ForAll("address") String address) {
        assertThat(PARSER.parse(address)).isEqualTo(PARSER.parseByLabels(address));
    }

    @Test
    void theConformanceSuitesGetTheSameAnswerBothWays() throws Exception {
        List<String> addresses = Stream.concat(ConformanceTest.isemail(), ConformanceTest.jmail())
                .map(ConformanceTest.Case::address).toList();
        assertThat(addresses).hasSizeGreaterThan(100);
        int plainDomains = 0;
        for (String address : addresses) {
            ParseResult result = PARSER.parse(address);
            assertThat(result).as(address).isEqualTo(PARSER.parseByLabels(address));
            plainDomains += result instanceof ParsedAddress ? 1 : 0;
        }
        assertThat(plainDomains).isGreaterThan(50);
    }

    @Test
    void longestLabelsAndTheirLimitAreDecidedAlike() {
        String a63 = "a".repeat(63);
        for (String address : List.of("x@" + a63 + ".com", "x@" + a63 + "a.com", "x@gmail." + a63,
                "x@gmail." + a63 + "a", "x@Gmail.COM", "x@gmail..com", "x@.gmail.com", "x@gmail.com.", "x@gmail")) {
            assertThat(PARSER.parse(address)).as(address).isEqualTo(PARSER.parseByLabels(address));
        }
        assertThat(PARSER.parse("x@" + a63 + ".com")).isInstanceOf(ParsedAddress.class);
        assertThat(PARSER.parse("x@" + a63 + "a.com")).isInstanceOf(ParseResult.Rejected.class);
    }
    private static final List<String> KNOWN = List.copyOf(KnownDomains.bundled().domains());

    /** Addresses at known domains mostly, as typed, with repairs, role names, provider-rule breaks and typos. */
    @Provide
    Arbitrary<String> customerAddress() {
        Arbitrary<String> local = Arbitraries.oneOf(
                Arbitraries.of("juan.perez", "ventas", "info+x", "maria_lopez", "Ana.Gomez", "a", "josé", "n0", "-x",
                        "postmaster", "abc..d", "x".repeat(31), "juan.perez.gomez"),
                Arbitraries.strings().withChars("abcdefghij.-_+0189").ofMinLength(1).ofMaxLength(12));
        Arbitrary<String> domain = Arbitraries.oneOf(
                Arbitraries.of(KNOWN),
                Arbitraries.of(KNOWN).map(d -> d.toUpperCase(java.util.Locale.ROOT)),
                Arbitraries.of(KNOWN).map(d -> d.replaceFirst("\\.", ",")),
                Arbitraries.of(KNOWN).map(d -> d.length() > 4 ? d.substring(1) : d),
                Arbitraries.of("ferreteria-andina.com.co", "example.com", "mailinator.com", "yopmail.com",
                        "xn--gmil-6na.com", "gmáil.com", "empresa.test", "gmail.con", "gmial.com"));
        Arbitrary<String> wrap = Arbitraries.of("%s", " %s ", "mailto:%s", "Juan <%s>", "%s;");
        return Combinators.combine(local, domain, wrap).as((l, d, w) -> String.format(w, l + "@" + d));
    }

    static final int CONFIGURATIONS = 8;
    /** Validators of each configuration with the shortcuts, and the same without the clean-domain shortcut. */
    private static final CustomerEmailValidator[] FAST = new CustomerEmailValidator[CONFIGURATIONS];
    private static final CustomerEmailValidator[] GENERAL = new CustomerEmailValidator[CONFIGURATIONS];

    static {
        for (int c = 0; c < CONFIGURATIONS; c++) {
            FAST[c] = configured(c).build();
            GENERAL[c] = configured(c).cleanDomainShortcut(false).build();
        }
    }

    /**
     * Asserts that configuration {@code c}'s validator with the shortcuts checks {@code input} as the one without.
     *
     * @return that check
     */
    static EmailCheck assertShortcutsAnswerAlike(String input, int c) {
        EmailCheck fast = FAST[c].checkOffline(input);
        assertThat(fast).as("%s, configuration %d", input, c).isEqualTo(GENERAL[c].checkOffline(input));
        return fast;
    }

    private static CustomerEmailValidator.Builder configured(int c) {
        CustomerEmailValidator.Builder b = CustomerEmailValidator.builder();
        return switch (c) {
            case 0 -> b;
            case 1 -> b.blockedDomains("hotmail.com").corporateDomains("gmail.com");
            case 2 -> b.allowedDomains("yahoo.es", "outlook.com");
            case 3 -> b.disposableDomains("outlook.com", "com.ar");
            case 4 -> b.typoCorrection(false).roleAccounts(RuleMode.INVALID);
            case 5 -> b.lowercaseLocalPart(false).providerRules(ProviderRuleMode.STRICT)
                    .extraTopLevelDomains("test");
            case 6 -> b.rule(PolicyRule.named("no-juan", PolicyRule.CHEAP, a -> a.localPart().startsWith("juan")
                    ? java.util.Optional.of(Finding.of(FindingCode.BLOCKED_DOMAIN, Severity.ERROR, "domain", "x"))
                    : java.util.Optional.empty())).disposableDomainCheck(false);
            default -> b.replaceKnownDomains(List.of("gmail.com", "empresa-andina.com.co", "hotmail.es"))
                    .nonAsciiLocalPart(RuleMode.WARNING);
        };
    }

    @Property(tries = 20_000)
    void aCheckAtACleanKnownDomainAnswersLikeTheFullPipeline(@ForAll("customerAddress") String input,
            @ForAll @IntRange(max = CONFIGURATIONS - 1) int configuration) {
        assertShortcutsAnswerAlike(input, configuration);
    }

    @Test
    void everyKnownDomainGetsTheSameAnswerUnderEveryConfiguration() {
        int shortcuts = 0;
        for (int c = 0; c < CONFIGURATIONS; c++) {
            for (String domain : KNOWN) {
                for (String input : List.of("juan.perez@" + domain, "ventas@" + domain, "j_p@" + domain)) {
                    assertShortcutsAnswerAlike(input, c);
                }
            }
        }
        CleanDomains defaults = CleanDomains.of(KNOWN, AddressParser.strict(), SpecialUseDomains.NONE_ALLOWED,
                TypoCorrector.bundled(), new PolicySettings().build());
        for (String domain : KNOWN) {
            shortcuts += defaults.contains((ParsedAddress) AddressParser.strict().parse("x@" + domain)) ? 1 : 0;
        }
        assertThat(shortcuts).as("known domains answered by the shortcut").isGreaterThan(KNOWN.size() * 9 / 10);
        assertThat(defaults.contains((ParsedAddress) AddressParser.strict().parse("x@ferreteria-andina.com.co")))
                .isFalse();
        PolicySettings blockingHotmail = new PolicySettings();
        PolicySettings.addDomains(blockingHotmail.blockedDomains, "hotmail.com");
        CleanDomains blocking = CleanDomains.of(KNOWN, AddressParser.strict(), SpecialUseDomains.NONE_ALLOWED,
                TypoCorrector.bundled(), blockingHotmail.build());
        for (int twice = 0; twice < 2; twice++) { // judged on first sight, then remembered
            assertThat(blocking.contains((ParsedAddress) AddressParser.strict().parse("x@hotmail.com"))).isFalse();
            assertThat(blocking.contains((ParsedAddress) AddressParser.strict().parse("x@hotmail.es"))).isTrue();
        }
    }
    @Property(tries = 20_000)
    void aCleanlyTypedAddressIsWhatNormalizingLeavesAndParsingAccepts(@ForAll("address") String generated,
                                                                      @ForAll("customerAddress") String typed,
                                                                      @ForAll boolean lowercaseLocalPart) {
        assertCleanParseAgrees(generated, lowercaseLocalPart);
        assertCleanParseAgrees(typed, lowercaseLocalPart);
    }

    @Test
    void theCleanParseTakesTheCommonAddressesAndLeavesTheRest() {
        for (String domain : KNOWN) {
            assertThat(PARSER.parseClean("juan.perez@" + domain, true)).as(domain).isNotNull();
            assertCleanParseAgrees("Juan.Perez@" + domain, false);
        }
        assertThat(PARSER.parseClean("ventas@ferreteria-andina.com.co", true)).isNotNull();
        assertCleanParseAgrees("'juan'@gmail.com", true); // atext, and no quote at the end to unwrap
        for (String other : List.of("Juan@gmail.com", "juan@Gmail.com", " juan@gmail.com", "juan@gmail.com.",
                "juan@gmail,com", "juan@@gmail.com", "juan@gmail.con", "juan@gmail", ".juan@gmail.com",
                "juan.@gmail.com", "ju..an@gmail.com", "juan@xn--gmil-6na.com", "juan@a--b.com", "juan@-ab.com",
                "juan@ab-.com", "juan@ab.-com", "josé@gmail.com",
                "\"juan\"@gmail.com", "x".repeat(65) + "@gmail.com", "juan@" + "a".repeat(64) + ".com", "@gmail.com")) {
            assertThat(PARSER.parseClean(other, true)).as(other).isNull();
            assertCleanParseAgrees(other, true);
        }
    }

    /** What clerks type and paste, repairs mixed: case, wrappers, spaces, commas, dots, Unicode. */
    @Provide
    Arbitrary<String> typedInput() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.strings().withChars("abcXYZ09.-_+@ ,;<>\"'").ofMinLength(0).ofMaxLength(10),
                Arbitraries.of("Juan", "PEREZ", "@", "@@", " @ ", "Gmail", "GMAIL.COM", "gmail,com", ",", "..", ". ",
                        " ", "\u00A0", "\u200B", "\uFF20", "\u0130", "É", "é", "mailto:", "MAILTO:", "?subject=x",
                        "Juan <", ">", "\"", "“", ";", "xn--gmil-6na", "yahoo,com,mx", "hotmail.es"));
        return piece.list().ofMinSize(1).ofMaxSize(7).map(pieces -> String.join("", pieces));
    }

    @Property(tries = 20_000)
    void theNormalizersShortcutsAnswerLikeEveryRepairStepRunPartByPart(@ForAll("typedInput") String typed,
                                                                       @ForAll("customerAddress") String address,
                                                                       @ForAll boolean lowercaseLocalPart) {
        Normalizer normalizer = Normalizer.lowercasingLocalPart(lowercaseLocalPart);
        for (String input : List.of(typed, address, address.toUpperCase(java.util.Locale.ROOT))) {
            assertThat(normalizer.normalize(input)).as(input).isEqualTo(normalizer.normalizeByParts(input));
        }
    }

    private static void assertCleanParseAgrees(String input, boolean lowercaseLocalPart) {
        // A repaired address is parsed in one pass too (see CustomerEmailValidator): the same conditions hold.
        String repaired = Normalizer.lowercasingLocalPart(lowercaseLocalPart).normalize(input).value();
        if (!repaired.equals(input)) {
            assertCleanParseAgrees(repaired, lowercaseLocalPart);
        }

        ParsedAddress clean = PARSER.parseClean(input, lowercaseLocalPart);
        if (clean == null) {
            return;
        }
        Normalizer normalizer = Normalizer.lowercasingLocalPart(lowercaseLocalPart);
        assertThat(normalizer.isAlreadyNormal(input)).as(input).isTrue();
        Normalization normalization = normalizer.normalize(input);
        assertThat(normalization.value()).as(input).isEqualTo(input);
        assertThat(normalization.repairs()).as(input).isEmpty();
        assertThat(PARSER.parse(input)).as(input).isEqualTo(clean);
        assertThat(clean.address()).isSameAs(input);
    }
}
