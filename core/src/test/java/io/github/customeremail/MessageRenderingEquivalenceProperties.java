package io.github.customeremail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Messages rendered from texts split once ({@link MessageTemplate}) read exactly as the left-to-right scan of the
 * text with per-call lookups ({@link ReferenceMessages}) reads them: for every finding code, a custom one among
 * them, in Spanish, English, Portuguese, Brazilian Portuguese and an unsupported language, with generated
 * parameter values (braces, quotes, dollars, backslashes, empty, non-ASCII, message ids, ISO days); and for
 * generated texts with nested and unbalanced braces.
 */
class MessageRenderingEquivalenceProperties {

    private static final List<Locale> LOCALES = List.of(Locale.forLanguageTag("es"), Locale.ENGLISH,
            Locale.forLanguageTag("pt"), Locale.forLanguageTag("pt-BR"), Locale.GERMAN);
    /** Every name the bundles use, one no text uses, and names made of braces. */
    private static final List<String> NAMES = List.of("domain", "max", "position", "character", "tld", "suggestion",
            "label", "localPart", "provider", "reason", "rule", "date", "detail", "message", "unused", "{reason}",
            "a{b", "");

    @Provide
    Arbitrary<FindingCode> code() throws IllegalAccessException {
        List<FindingCode> codes = new ArrayList<>(FindingCodeTest.builtIn());
        codes.add(FindingCode.custom("ACME_CHECK"));
        return Arbitraries.of(codes);
    }

    @Provide
    Arbitrary<String> value() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("{}'$\\ab.é中\u0000 -").ofMinLength(0).ofMaxLength(10),
                Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789-").ofMinLength(1).ofMaxLength(12),
                Arbitraries.of("", "gmail-characters", "gmail-length", "yahoo-dots", "outlook-first-character",
                        "mailbox-does-not-exist", "permanent-bounce", "2026-11-03", "2026-02-30", "03/11/2026",
                        "{reason}", "{date}", "$1", "\\n", "it's", "juan@gmail.com", "gmail.com", "ñandú.es",
                        "Gmail", " (550 5.1.1)", "con"));
    }

    @Provide
    Arbitrary<Map<String, String>> parameters() {
        return Arbitraries.maps(Arbitraries.of(NAMES), value()).ofMaxSize(6);
    }

    @Property(tries = 10_000)
    void everyCodeInEveryLanguageReadsAsTheReferenceRendering(@ForAll("code") FindingCode code,
            @ForAll("parameters") Map<String, String> parameters) {
        Finding finding = new Finding(code, Severity.WARNING, parameters);
        for (Locale locale : LOCALES) {
            assertThat(finding.message(locale)).as("%s %s %s", code.id(), locale, parameters)
                    .isEqualTo(ReferenceMessages.render(finding, locale));
        }
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("{}ab é'$\\").ofMinLength(0).ofMaxLength(16),
                Combinators.combine(Arbitraries.of("", "x ", "{", "}", "{}", "{{", "é"), Arbitraries.of(NAMES),
                        Arbitraries.of("", " y", "}", "{", "{a}", "{b}{a"))
                        .as((before, name, after) -> before + "{" + name + "}" + after));
    }

    @Property(tries = 20_000)
    void aSplitTextReadsAsItsLeftToRightScan(@ForAll("text") String text,
            @ForAll("shortParameters") Map<String, String> parameters) {
        Finding finding = new Finding(FindingCode.custom("ACME_CHECK"), Severity.WARNING, parameters);
        assertThat(MessageTemplate.plain(text).render(finding, null)).as("%s %s", text, parameters)
                .isEqualTo(ReferenceMessages.substitute(text, finding));
    }

    @Provide
    Arbitrary<Map<String, String>> shortParameters() {
        Map<String, String> none = new HashMap<>();
        return Arbitraries.oneOf(Arbitraries.just(none),
                Arbitraries.maps(Arbitraries.of("a", "b", "a{b", "", "{a", "b}"), value()).ofMaxSize(4));
    }
}
