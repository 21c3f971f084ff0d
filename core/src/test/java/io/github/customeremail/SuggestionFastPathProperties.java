package io.github.customeremail;

import static io.github.customeremail.FastPathEquivalenceProperties.CONFIGURATIONS;
import static io.github.customeremail.FastPathEquivalenceProperties.assertShortcutsAnswerAlike;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The shortcuts around the typo search answer like the general path: a suggested address at a clean known domain
 * re-checked with the one-pass parse and only the policy rules that read more than the domain (the same checks as a
 * validator without the clean-domain shortcut, under the configurations of {@link FastPathEquivalenceProperties},
 * which block, allow, mark as disposable or forbid some suggestions), and a parsed ASCII domain looked up once
 * before the search (the same correction as the corrector's answer for the domain string and its Unicode form).
 */
class SuggestionFastPathProperties {

    private final TypoCorrectorProperties mutations = new TypoCorrectorProperties();

    @Provide
    Arbitrary<String> mistypedAddress() {
        Arbitrary<String> local = Arbitraries.oneOf(
                Arbitraries.of("juan.perez", "juan_perez", "ventas", "info+x", "Ana.Gomez", "ab", "josé", "-x",
                        "postmaster", "abc..d", "x".repeat(64), "juan.perez.gomez", "\"juan perez\""),
                Arbitraries.strings().withChars("abcdefghij.-_+0189").ofMinLength(1).ofMaxLength(12));
        Arbitrary<String> domain = Arbitraries.oneOf(mutations.mistyped(),
                mutations.mistyped().map(d -> d.toUpperCase(java.util.Locale.ROOT)),
                Arbitraries.of("gmial.com", "gmail.con", "hotmial.es", "gmail", "gmailcom", "yahoo.cm",
                        "gmail.com.co", "outlok.com", "hotmail.co", "gm\u0430il.com", "xn--gmil-6na.com"));
        Arbitrary<String> wrap = Arbitraries.of("%s", " %s ", "Juan <%s>");
        return Combinators.combine(local, domain, wrap).as((l, d, w) -> String.format(w, l + "@" + d));
    }

    @Property(tries = 20_000)
    void aSuggestionAtACleanKnownDomainIsCheckedLikeTheFullPipeline(@ForAll("mistypedAddress") String input,
            @ForAll @IntRange(max = CONFIGURATIONS - 1) int configuration) {
        assertShortcutsAnswerAlike(input, configuration);
    }

    @Test
    void commonTyposAreSuggestedAndForbiddenSuggestionsRefusedAlike() {
        int suggested = 0;
        int refused = 0;
        for (int c = 0; c < CONFIGURATIONS; c++) {
            for (String domain : List.of("gmial.com", "gmail.con", "hotmial.es", "outlok.com", "yahoo.cm", "gmail")) {
                for (String local : List.of("juan.perez", "juan_perez", "info", "ab")) {
                    String input = local + "@" + domain;
                    EmailCheck fast = assertShortcutsAnswerAlike(input, c);
                    suggested += fast.verdict() == Verdict.SUGGEST ? 1 : 0;
                    refused += fast.verdict() == Verdict.INVALID ? 1 : 0;
                }
            }
        }
        // Both branches of the re-check are taken: suggestions kept, and suggestions a rule forbids.
        assertThat(suggested).isGreaterThan(50);
        assertThat(refused).isGreaterThan(10);
    }

    @Property(tries = 10_000)
    void aParsedDomainGetsTheCorrectionOfItsDomainString(@ForAll("mistypedAddress") String input) {
        TypoCorrector corrector = TypoCorrector.bundled().withoutMemo();
        Normalization normalization = Normalizer.lowercasingLocalPart(true).normalize(input);
        if (AddressParser.strict().parse(normalization.value()) instanceof ParsedAddress address) {
            assertThat(corrector.correct(address)).as(input)
                    .isEqualTo(corrector.correct(address.domain(), TypoCorrector.unicodeForm(address)));
        }
    }
}
