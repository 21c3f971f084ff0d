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
}
