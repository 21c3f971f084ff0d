package io.github.customeremail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TypoCorrectorTest {

    private static final Locale ES = Locale.forLanguageTag("es");
    private final CustomerEmailValidator validator = CustomerEmailValidator.builder().build();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            juan@gmial.com       | juan@gmail.com
            juan@hotmial.com     | juan@hotmail.com
            juan@gmail.con       | juan@gmail.com
            juan@gmail.cmo       | juan@gmail.com
            juan@yahoo.cm        | juan@yahoo.com
            juan@gmail.com.co    | juan@gmail.com
            juan@gmailcom        | juan@gmail.com
            juan@gmail           | juan@gmail.com
            juan@gmail.co        | juan@gmail.com
            juan@hotmail.co      | juan@hotmail.com
            juan@hotmail.c       | juan@hotmail.com
            juan@gmailc.om       | juan@gmail.com
            juan@gmail.com.com   | juan@gmail.com
            juan@gmai.com.ar     | juan@gmail.com
            juan@hotmial.es      | juan@hotmail.es
            juan@yahoo.com.brr   | juan@yahoo.com.br
            juan@fibretel.com.ar | juan@fibertel.com.ar
            juan@une.net.cp      | juan@une.net.co
            juan@hotmail.net     | juan@hotmail.com
            juan@yahoo.com.bt    | juan@yahoo.com.br
            """)
    void suggestsTheKnownDomain(String typed, String expected) {
        EmailCheck check = validator.check(typed);
        assertThat(check.verdict()).as(typed).isEqualTo(Verdict.SUGGEST);
        assertThat(check.suggestion()).map(Suggestion::address).contains(expected);
        assertThat(check.suggestion().orElseThrow().confidence()).isBetween(0.0, 1.0).isPositive();
        assertThat(check.finding(FindingCode.DOMAIN_TYPO)).map(f -> f.parameter("suggestion")).contains(expected);
        assertThat(validator.check(expected).verdict()).isEqualTo(Verdict.VALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gmail.com", "hotmail.com.ar", "une.net.co", "etb.net.co", "ymail.com", "gmx.com",
            "mail.com", "hotmart.com", "empresa.com.co", "empresa.co", "example.com.ar", "example.cl", "example.pe",
            "hotmail.cl", "yahoo.com.mx", "live.com.mx", "prodigy.net.mx", "telefonica.net", "movistar.com.co",
            "telefonica.com", "gm.com", "life.com", "cloud.com", "gial.edu", "dogmail.net", "comcast.com",
            "mail.empresa.com", "bücher.de", "example.рф", "outlook.com.v"})
    void leavesRealAndUnrelatedDomainsAlone(String domain) {
        EmailCheck check = validator.check("juan@" + domain);
        assertThat(check.suggestion()).as(domain).isEmpty();
        assertThat(check.has(FindingCode.DOMAIN_TYPO)).isFalse();
    }

    @Test
    void aRefusedAddressWithAClearCorrectionIsASuggestionAndKeepsItsSyntaxFinding() {
        EmailCheck noTld = validator.check("juan@gmail");
        assertThat(noTld.verdict()).isEqualTo(Verdict.SUGGEST);
        assertThat(noTld.normalized()).isEmpty();
        assertThat(noTld.has(FindingCode.DOMAIN_NO_TLD)).isTrue();
        assertThat(noTld.suggestion()).map(Suggestion::address).contains("juan@gmail.com");

        EmailCheck unknownTld = validator.check("juan@gmail.con");
        assertThat(unknownTld.has(FindingCode.TLD_UNKNOWN)).isTrue();
        assertThat(unknownTld.verdict()).isEqualTo(Verdict.SUGGEST);

        // No correction: stays INVALID; a local part that cannot be fixed gives no suggestion either.
        assertThat(validator.check("juan@empresa.con").verdict()).isEqualTo(Verdict.INVALID);
        assertThat(validator.check("juan..perez@gmial.com").verdict()).isEqualTo(Verdict.INVALID);
    }

    @Test
    void cyrillicLookalikeIsUnmasked() {
        EmailCheck check = validator.check("juan@gm\u0430il.com"); // Cyrillic а
        assertThat(check.verdict()).isEqualTo(Verdict.SUGGEST);
        assertThat(check.suggestion()).map(Suggestion::address).contains("juan@gmail.com");
        Finding finding = check.finding(FindingCode.LOOKALIKE_DOMAIN).orElseThrow();
        assertThat(finding.parameter("domain")).isEqualTo("gmail.com");
        assertThat(finding.message(ES)).isEqualTo(
                "El dominio imita a gmail.com con caracteres parecidos. ¿Quiso decir juan@gmail.com?");
        assertThat(check.has(FindingCode.IDN_CONVERTED)).isTrue();
        // Greek omicron in hotmail.
        assertThat(validator.check("ana@h\u03BFtmail.com").suggestion()).map(Suggestion::address)
                .contains("ana@hotmail.com");
    }

    @Test
    void theSuggestionSpeaksSpanishAndEnglish() {
        EmailCheck check = validator.check("juan@gmial.com");
        assertThat(check.headline(ES)).contains("¿Quiso decir juan@gmail.com?");
        assertThat(check.headline(Locale.ENGLISH)).contains("Did you mean juan@gmail.com?");
        assertThat(check.finding(FindingCode.DOMAIN_TYPO).orElseThrow().message(ES))
                .isEqualTo("¿Quiso decir juan@gmail.com?");
        assertThat(check.finding(FindingCode.DOMAIN_TYPO).orElseThrow().severity()).isEqualTo(Severity.SUGGESTION);
    }

    @Test
    void tiesGiveNoSuggestion() {
        TypoCorrector corrector = new TypoCorrector(KnownDomains.of(List.of("bat.com", "hat.com")),
                PublicSuffixes.bundled());
        assertThat(corrector.correct("cat.com", "cat.com")).isNull();
        CustomerEmailValidator custom = CustomerEmailValidator.builder()
                .replaceKnownDomains(List.of("gmail.com", "gmiel.com")).build();
        assertThat(custom.check("juan@gmeil.com").suggestion()).isEmpty(); // one edit from both
    }

    @Test
    void applicationsCanAddReplaceOrSwitchOffTheDictionary() {
        CustomerEmailValidator added = CustomerEmailValidator.builder()
                .knownDomains(List.of("Distribuidora.com.co")).build();
        assertThat(added.check("juan@distribuidroa.com.co").suggestion()).map(Suggestion::address)
                .contains("juan@distribuidora.com.co");
        assertThat(added.check("juan@gmial.com").suggestion()).isPresent(); // the bundled list stays

        CustomerEmailValidator replaced = CustomerEmailValidator.builder()
                .replaceKnownDomains(List.of("distribuidora.com.co")).build();
        assertThat(replaced.check("juan@gmial.com").verdict()).isEqualTo(Verdict.VALID);

        CustomerEmailValidator off = CustomerEmailValidator.builder().typoCorrection(false).build();
        assertThat(off.check("juan@gmial.com").verdict()).isEqualTo(Verdict.VALID);
        assertThat(off.check("juan@gmail").verdict()).isEqualTo(Verdict.INVALID);

        assertThatThrownBy(() -> CustomerEmailValidator.builder().knownDomains(List.of("not a domain")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CustomerEmailValidator.builder().knownDomains(List.of("x.notatld")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBundledDictionaryIsWellFormed() {
        KnownDomains known = KnownDomains.bundled();
        assertThat(known.size()).isGreaterThan(150);
        for (String d : known.domains()) {
            assertThat(AddressParser.strict().parse("x@" + d)).as(d).isInstanceOf(ParsedAddress.class);
            assertThat(known.get(d).subdomain()).as(d).isFalse();
        }
        assertThat(known.get("hotmail.com.ar").name()).isEqualTo("hotmail");
        assertThat(known.get("hotmail.com.ar").suffix()).isEqualTo("com.ar");
        assertThat(known.get("une.net.co").suffix()).isEqualTo("net.co");
    }

    @Test
    void aKnownDomainIsOneLookupWithoutAllocation() {
        TypoCorrector corrector = TypoCorrector.bundled();
        String domain = "gmail.com";
        int calls = 10_000;
        for (int i = 0; i < calls; i++) {
            corrector.correct(domain, domain); // warm
        }
        int unanswered = 0;
        long before = allocated();
        for (int i = 0; i < calls; i++) {
            if (corrector.correct(domain, domain) == null) {
                unanswered++;
            }
        }
        long bytes = allocated() - before;
        // Measured before any assertion runs; the budget is for the measurement itself, far below 1 byte a call.
        assertThat(unanswered).isEqualTo(calls);
        assertThat(bytes).as("bytes allocated by %d lookups of a known domain", calls).isLessThan(1_024);
    }

    @Test
    void keyboardCostsFavourLikelySlips() {
        assertThat(KeyboardDistance.distance("gnail", "gmail")).isEqualTo(KeyboardDistance.NEAR_SUBSTITUTE);
        assertThat(KeyboardDistance.distance("gmial", "gmail")).isEqualTo(KeyboardDistance.TRANSPOSE);
        assertThat(KeyboardDistance.distance("gmaill", "gmail")).isEqualTo(KeyboardDistance.DOUBLED_INSERT);
        assertThat(KeyboardDistance.distance("gpail", "gmail")).isEqualTo(KeyboardDistance.SUBSTITUTE);
        assertThat(KeyboardDistance.distance("yah0o", "yahoo")).isEqualTo(KeyboardDistance.NEAR_SUBSTITUTE);
    }

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean())
                .getCurrentThreadAllocatedBytes();
    }
}
