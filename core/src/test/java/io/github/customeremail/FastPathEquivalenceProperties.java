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
import org.junit.jupiter.api.Test;

/**
 * The parser's one-pass check of a plain ASCII domain (letters, digits, dots) answers exactly what the label-by-label
 * parse answers, on generated addresses built to sit on both sides of its conditions (hyphens, empty and 63/64
 * character labels, upper case, ACE prefixes, odd characters) and on the conformance suites.
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
}
