package io.github.customeremail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NormalizerTest {

    private static final Locale ES = Locale.forLanguageTag("es");
    private final Normalizer normalizer = Normalizer.standard();

    @ParameterizedTest(name = "[{index}] {0} -> {1} ({2})")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            `  juan@gmail.com  `             | juan@gmail.com      | TRIMMED
            `juan@gmail.com\n`               | juan@gmail.com      | TRIMMED
            juan\u200B@gmail.com             | juan@gmail.com      | INVISIBLE_CHARACTERS_REMOVED
            \uFEFFjuan@gmail.com             | juan@gmail.com      | INVISIBLE_CHARACTERS_REMOVED
            juan\u00AD@gmail.com             | juan@gmail.com      | INVISIBLE_CHARACTERS_REMOVED
            juan\uFF20gmail.com              | juan@gmail.com      | UNICODE_NORMALIZED
            \uFF4A\uFF55\uFF41\uFF4E@gmail.com | juan@gmail.com    | UNICODE_NORMALIZED
            mailto:juan@gmail.com            | juan@gmail.com      | MAILTO_REMOVED
            MAILTO:juan@gmail.com?subject=x  | juan@gmail.com      | MAILTO_REMOVED
            Juan Pérez <juan@gmail.com>      | juan@gmail.com      | DISPLAY_NAME_REMOVED
            <juan@gmail.com>                 | juan@gmail.com      | DISPLAY_NAME_REMOVED
            "juan@gmail.com"                 | juan@gmail.com      | QUOTES_REMOVED
            “juan@gmail.com”                 | juan@gmail.com      | QUOTES_REMOVED
            juan@gmail.com;                  | juan@gmail.com      | TRAILING_PUNCTUATION_REMOVED
            `juan@gmail.com,`                | juan@gmail.com      | TRAILING_PUNCTUATION_REMOVED
            juan@gmail.com.                  | juan@gmail.com      | TRAILING_PUNCTUATION_REMOVED
            juan @ gmail.com                 | juan@gmail.com      | SPACES_REMOVED
            juan@gmail . com                 | juan@gmail.com      | SPACES_REMOVED
            `juan@gmail,com`                 | juan@gmail.com      | COMMA_IN_DOMAIN_REPLACED
            juan@gmail..com                  | juan@gmail.com      | REPEATED_DOTS_IN_DOMAIN_FIXED
            juan@GMAIL.com                   | juan@gmail.com      | DOMAIN_LOWERCASED
            Juan@gmail.com                   | juan@gmail.com      | LOCAL_PART_LOWERCASED
            """)
    void eachRepairIsMadeAndReported(String raw, String expected, FindingCode code) {
        Normalization n = normalizer.normalize(raw);
        assertThat(n.value()).isEqualTo(expected);
        assertThat(n.repairs()).extracting(Finding::code).contains(code);
        assertThat(n.repairs()).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
        Finding finding = n.repairs().stream().filter(f -> f.code().equals(code)).findFirst().orElseThrow();
        assertThat(finding.message(Locale.ENGLISH)).isNotBlank().doesNotContain("{");
        assertThat(finding.message(ES)).isNotBlank().doesNotContain("{")
                .isNotEqualTo(finding.message(Locale.ENGLISH));
        assertThat(normalizer.normalize(n.value()).value()).as("idempotent").isEqualTo(n.value());
        assertThat(normalizer.normalize(n.value()).repairs()).as("no repair the second time").isEmpty();
    }

    @Test
    void theIssueExampleIsRepairedWithEveryRepairReported() {
        Normalization n = normalizer.normalize("  Juan.Perez@Gmail,com ");
        assertThat(n.value()).isEqualTo("juan.perez@gmail.com");
        assertThat(n.repairs()).extracting(Finding::code).containsExactly(FindingCode.TRIMMED,
                FindingCode.COMMA_IN_DOMAIN_REPLACED, FindingCode.DOMAIN_LOWERCASED,
                FindingCode.LOCAL_PART_LOWERCASED);
    }

    @Test
    void lowerCasingThatBreaksCanonicalOrderIsNormalizedAgain() {
        // Found by jqwik: U+0130 lower-cases to i + U+0307, which must sort after U+0316.
        String once = normalizer.normalize("\u0130\u0316@gmail.com").value();
        assertThat(normalizer.normalize(once).value()).isEqualTo(once);
        assertThat(normalizer.normalize(once).repairs()).isEmpty();
    }

    @Test
    void nestedWrappersAreAllRemoved() {
        Normalization n = normalizer.normalize(" mailto:\"Juan\" <JUAN@Gmail.com>; ");
        assertThat(n.value()).isEqualTo("juan@gmail.com");
    }

    @Test
    void aCleanAddressIsReturnedAsItIsWithNoRepairs() {
        String clean = "juan.perez@gmail.com";
        Normalization n = normalizer.normalize(clean);
        assertThat(n.value()).isSameAs(clean);
        assertThat(n.changed()).isFalse();
    }

    @Test
    void theLocalPartKeepsItsCaseWhenAsked() {
        Normalization n = Normalizer.lowercasingLocalPart(false).normalize("Juan.Perez@GMAIL.COM");
        assertThat(n.value()).isEqualTo("Juan.Perez@gmail.com");
        assertThat(n.repairs()).extracting(Finding::code).containsExactly(FindingCode.DOMAIN_LOWERCASED);
    }

    @Test
    void unsafeThingsAreNotRepaired() {
        // Guessing here could change whose mailbox it is: the parser refuses these instead.
        assertThat(normalizer.normalize("juan perez@gmail.com").value()).isEqualTo("juan perez@gmail.com");
        assertThat(normalizer.normalize("juan,perez@gmail.com").value()).isEqualTo("juan,perez@gmail.com");
        assertThat(normalizer.normalize("juan@gm\nail.com").value()).isEqualTo("juan@gm\nail.com");
        // Line breaks and tabs next to @ are not spaces to remove (found by the benchmark's acceptance comparison).
        assertThat(normalizer.normalize("juan\r\n@gmail.com").value()).isEqualTo("juan\r\n@gmail.com");
        assertThat(normalizer.normalize("juan@\tgmail.com").value()).isEqualTo("juan@\tgmail.com");
        assertThat(CustomerEmailValidator.builder().build().check("juan\r\n@gmail.com").has(
                FindingCode.CONTROL_CHARACTER)).isTrue();
        assertThat(normalizer.normalize("\"juan\"@gmail.com").value()).isEqualTo("\"juan\"@gmail.com");
    }

    @Test
    void quotesInsideAreKept() {
        assertThat(normalizer.normalize("o'brien@gmail.com").value()).isEqualTo("o'brien@gmail.com");
    }

    @Test
    void foldsToDotListsEveryCompatibilityCharacterThatBecomesADot() {
        for (int cp = 0x80; cp <= Character.MAX_CODE_POINT; cp++) {
            if (cp >= 0xD800 && cp <= 0xDFFF || cp == 0xFF0E) {
                continue;
            }
            String folded = java.text.Normalizer.normalize(new String(Character.toChars(cp)),
                    java.text.Normalizer.Form.NFKC);
            assertThat(Normalizer.foldsToDot(cp)).as("U+%04X", cp).isEqualTo(folded.indexOf('.') >= 0);
        }
    }

    @Test
    void compatibilityFoldingNeverMakesANewLabel() {
        Normalization n = normalizer.normalize("me@\u2488wouldbeinvalid.com");
        assertThat(n.value()).isEqualTo("me@\u2488wouldbeinvalid.com");
        assertThat(normalizer.normalize("JUAN@\uFF27mail\u3002com").value()).isEqualTo("juan@gmail.com");
        assertThat(normalizer.normalize("juan@gmail\uFF61com").value()).isEqualTo("juan@gmail.com");
        assertThat(normalizer.normalize(n.value()).repairs()).isEmpty();
    }
}
