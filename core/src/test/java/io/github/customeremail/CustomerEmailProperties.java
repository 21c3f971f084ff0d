package io.github.customeremail;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of the offline pipeline over generated input: real addresses mixed with hostile characters. */
class CustomerEmailProperties {

    private static final CustomerEmailValidator VALIDATOR = CustomerEmailValidator.builder().build();
    private static final Normalizer NORMALIZER = Normalizer.standard();

    @Provide
    Arbitrary<String> messyInput() {
        Arbitrary<String> local = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyzJP0123456789._+-'")
                .ofMinLength(1).ofMaxLength(20);
        Arbitrary<String> domain = Arbitraries.of("gmail.com", "Gmail,com", "hotmail.com.ar", "empresa.com.co",
                "españa.es", "gmail..com", "yahoo.es", "GMAIL.COM", "x.con", "gmail", "[1.2.3.4]", "xn--espaa-rta.es");
        Arbitrary<String> noise = Arbitraries.of("", " ", "\u200B", "\uFEFF", "\uFF20", "@", ",", ";", ".", "..",
                "\"", "<", ">", "mailto:", "Juan <", "\r\n", "\u0000", "\t", "\u00A0", "а", "ß", "(", ")", "\\",
                "\uD83D\uDE80", "\uD800", "ｊ", "“", "”", "?subject=x");
        Arbitrary<String> address = Combinators.combine(noise, local, noise, domain, noise)
                .as((a, l, b, d, c) -> a + l + b + "@" + d + c);
        return Arbitraries.oneOf(address, Arbitraries.strings().ofMaxLength(80),
                noise.list().ofMaxSize(12).map(l -> String.join("", l)));
    }

    @Property(tries = 20_000)
    void normalizingTwiceChangesNothing(@ForAll("messyInput") String input) {
        String once = NORMALIZER.normalize(input).value();
        Normalization twice = NORMALIZER.normalize(once);
        assertThat(twice.value()).isEqualTo(once);
        assertThat(twice.repairs()).isEmpty();
    }

    @Property(tries = 20_000)
    void theCleanFastPathAgreesWithTheFullNormalizer(@ForAll("messyInput") String input) {
        for (Normalizer normalizer : new Normalizer[] {NORMALIZER, Normalizer.lowercasingLocalPart(false)}) {
            if (normalizer.isAlreadyNormal(input)) {
                Normalization n = normalizer.normalize(input);
                assertThat(n.value()).isEqualTo(input);
                assertThat(n.repairs()).isEmpty();
            }
            String normalized = normalizer.normalize(input).value();
            // The fast path leaves non-ASCII input and any whitespace to the full normalizer.
            if (Normalizer.isAscii(normalized) && normalized.chars().noneMatch(c -> Normalizer.isWhitespace((char) c))) {
                assertThat(normalizer.isAlreadyNormal(normalized)).as("normal form of %s", input).isTrue();
            }
        }
    }

    @Property(tries = 20_000)
    void checkNeverThrowsAndResultsAreConsistent(@ForAll("messyInput") String input) {
        EmailCheck check = VALIDATOR.check(input);
        assertThat(check.verdict()).isNotNull();
        assertThat(check.suggestion().isPresent()).isEqualTo(check.verdict() == Verdict.SUGGEST);
        check.normalized().ifPresent(n -> assertThat(n.length()).isLessThanOrEqualTo(254));
        assertThat(check.findings()).hasSizeLessThanOrEqualTo(FindingCode.class.getFields().length);
        assertThat(check.has(FindingCode.INTERNAL_ERROR)).as("internal error for %s", input).isFalse();
    }

    @Property(tries = 5_000)
    void arbitraryUnicodeNeverThrows(@ForAll String input) {
        assertThat(VALIDATOR.check(input).has(FindingCode.INTERNAL_ERROR)).isFalse();
    }

    @Property(tries = 20_000)
    void aValidNormalizedAddressRechecksValidWithNoRepairs(@ForAll("messyInput") String input) {
        EmailCheck check = VALIDATOR.check(input);
        if (check.verdict() == Verdict.VALID) {
            String normalized = check.normalized().orElseThrow();
            EmailCheck again = VALIDATOR.check(normalized);
            assertThat(again.verdict()).isEqualTo(Verdict.VALID);
            assertThat(again.normalized()).contains(normalized);
            assertThat(again.findings()).as("no repairs on %s", normalized)
                    .noneMatch(f -> f.severity() == Severity.INFO);
        }
    }

    /**
     * Work grows linearly: the bytes allocated to check an input of n characters stay under a fixed budget per
     * character, whatever the content (a deterministic proxy for time, which tests must not depend on).
     */
    @Property(tries = 300)
    void workIsLinearInTheInputLength(@ForAll("adversarial") String input) {
        VALIDATOR.check(input); // warm: first use loads bundles and classes
        long before = allocated();
        VALIDATOR.check(input);
        long bytes = allocated() - before;
        assertThat(bytes).as("allocated for %d chars", input.length())
                .isLessThan(16_384 + 64L * input.length());
    }

    @Provide
    Arbitrary<String> adversarial() {
        Arbitrary<String> unit = Arbitraries.of("<", ">", "\"", "'", "mailto:", " ", ".", ",", ";", "@", "a", "..",
                "\u200B", "(", "xn--", "-", "\uFF20");
        Arbitrary<Integer> repeat = Arbitraries.integers().between(1, 1000);
        return Combinators.combine(unit.list().ofMinSize(1).ofMaxSize(4), repeat)
                .as((parts, n) -> String.join("", parts).repeat(n));
    }

    @Property(tries = 200)
    void nestedWrappersAreUnwrappedCompletely(@ForAll @IntRange(min = 1, max = 200) int depth) {
        String wrapped = "\"<".repeat(depth) + "Juan@Gmail.com" + ">\"".repeat(depth);
        assertThat(NORMALIZER.normalize(wrapped).value()).isNotBlank();
        assertThat(VALIDATOR.check(wrapped).has(FindingCode.INTERNAL_ERROR)).isFalse();
    }

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
