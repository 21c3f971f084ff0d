package io.github.customeremail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The translated-parameter lookup added for PROVIDER_MAILBOX_RULE's {reason}. */
class MessagesTest {

    @Test
    void parameterValuesAreNotRescannedAfterTranslation() {
        Finding f = new Finding(FindingCode.PROVIDER_MAILBOX_RULE, Severity.WARNING,
                Map.of("provider", "{reason}", "reason", "yahoo-dots"));
        assertThat(f.message(Locale.ENGLISH))
                .isEqualTo("{reason} does not issue mailboxes like this one: the name before the @ can have only one dot.");
    }

    @Test
    void lookupIsScopedToTheFindingsOwnCode() {
        // another code's parameter that happens to equal a reason id stays literal
        Finding typo = Finding.of(FindingCode.DOMAIN_TYPO, Severity.SUGGESTION, "suggestion", "gmail-characters");
        assertThat(typo.message(Locale.ENGLISH)).isEqualTo("Did you mean gmail-characters?");
        // a custom code with a "reason" parameter is not translated either
        Finding custom = new Finding(FindingCode.custom("ACME_X"), Severity.WARNING,
                Map.of("message", "custom text", "reason", "gmail-length"));
        assertThat(custom.message(Locale.forLanguageTag("es"))).isEqualTo("custom text");
    }

    @Test
    void otherLanguagesFallBackToEnglish() {
        Finding f = new Finding(FindingCode.PROVIDER_MAILBOX_RULE, Severity.ERROR,
                Map.of("provider", "Gmail", "reason", "gmail-characters"));
        assertThat(f.message(Locale.GERMAN)).isEqualTo(f.message(Locale.ENGLISH));
        assertThat(f.message(Locale.forLanguageTag("es-CO"))).isEqualTo(f.message(Locale.forLanguageTag("es")));
    }

    @Test
    void portugueseIsBrazilianAndComplete() throws Exception {
        Finding typo = Finding.of(FindingCode.DOMAIN_TYPO, Severity.SUGGESTION, "suggestion", "juan@gmail.com");
        assertThat(typo.message(Locale.forLanguageTag("pt"))).isEqualTo("Você quis dizer juan@gmail.com?");
        assertThat(typo.message(Locale.forLanguageTag("pt-BR"))).isEqualTo("Você quis dizer juan@gmail.com?");
        Finding reason = new Finding(FindingCode.PROVIDER_MAILBOX_RULE, Severity.ERROR,
                Map.of("provider", "Gmail", "reason", "gmail-length"));
        assertThat(reason.message(Locale.forLanguageTag("pt"))).isEqualTo("Gmail não cria caixas postais como esta: "
                + "o nome antes do @ deve ter de 6 a 30 letras e números (sem contar os pontos).");
        java.util.ResourceBundle pt = Messages.bundle(Locale.forLanguageTag("pt"));
        java.util.ResourceBundle es = Messages.bundle(Locale.forLanguageTag("es"));
        assertThat(pt.getLocale().getLanguage()).isEqualTo("pt");
        for (String key : java.util.Collections.list(es.getKeys())) {
            assertThat(pt.getString(key)).as(key).isNotEqualTo(es.getString(key))
                    .isNotEqualTo(Messages.bundle(Locale.ENGLISH).getString(key));
        }
        for (FindingCode code : FindingCodeTest.builtIn()) {
            assertThat(pt.containsKey(code.id())).as(code.id()).isTrue();
        }
    }
}
