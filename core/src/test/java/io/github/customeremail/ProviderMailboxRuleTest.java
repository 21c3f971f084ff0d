package io.github.customeremail;

import static io.github.customeremail.PolicyTest.EN;
import static io.github.customeremail.PolicyTest.ES;
import static io.github.customeremail.PolicyTest.only;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProviderMailboxRuleTest {

    private final CustomerEmailValidator standard = CustomerEmailValidator.builder().build();

    @Test
    void underscoreCanNeverBeInAGmailAddress() {
        EmailCheck check = standard.check("juan_perez@gmail.com");
        assertThat(check.verdict()).isNotEqualTo(Verdict.VALID).isEqualTo(Verdict.INVALID);
        Finding f = only(check, FindingCode.PROVIDER_MAILBOX_RULE);
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.parameter("provider")).isEqualTo("Gmail");
        assertThat(f.parameter("reason")).isEqualTo("gmail-characters");
        assertThat(f.message(EN)).isEqualTo("Gmail does not issue mailboxes like this one: "
                + "before the @ only letters (a-z), digits and dots are allowed (and a +tag).");
        assertThat(f.message(ES)).isEqualTo("Gmail no crea buzones como este: "
                + "antes de la @ solo se permiten letras (a-z), números y puntos (y una etiqueta +).");
    }

    @ParameterizedTest
    @ValueSource(strings = {"juan.perez@gmail.com", "j.u.a.n.p.e@gmail.com", "juanperez+facturas@gmail.com",
            "juan.perez+a_b@googlemail.com", "abcdefghijklmnopqrstuvwxyz1234@gmail.com", "JuanPerez@Gmail.com"})
    void validGmailAddresses(String address) {
        EmailCheck check = standard.check(address);
        assertThat(check.verdict()).isEqualTo(Verdict.VALID);
        assertThat(PolicyTest.has(check, FindingCode.PROVIDER_MAILBOX_RULE)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            "juan-perez@gmail.com, gmail-characters, ERROR",
            "juan&co@googlemail.com, gmail-characters, ERROR",
            "juan@gmail.com, gmail-length, WARNING",
            "j.u.a.n.p@gmail.com, gmail-length, WARNING",
            "abcdefghijklmnopqrstuvwxyz12345@gmail.com, gmail-length, WARNING",
            "juan!perez@hotmail.com, outlook-characters, WARNING",
            "1juan@outlook.es, outlook-first-character, WARNING",
            "_juan@live.com.mx, outlook-first-character, WARNING",
            "juan#1@msn.com, outlook-characters, WARNING",
            "juan.perez.lopez@yahoo.com, yahoo-dots, WARNING",
            "juan+x@yahoo.com.mx, yahoo-characters, WARNING",
            "2juan@yahoo.es, yahoo-first-character, WARNING",
            "abc@ymail.com, yahoo-length, WARNING",
    })
    void standardMode(String address, String reason, Severity severity) {
        Finding f = only(standard.check(address), FindingCode.PROVIDER_MAILBOX_RULE);
        assertThat(f.parameter("reason")).isEqualTo(reason);
        assertThat(f.severity()).isEqualTo(severity);
        // every reason has a translated text in both languages
        assertThat(f.message(EN)).doesNotContain(reason).doesNotContain("{");
        assertThat(f.message(ES)).doesNotContain(reason).doesNotContain("{").isNotEqualTo(f.message(EN));
    }

    @ParameterizedTest
    @ValueSource(strings = {"maria_lopez@hotmail.com", "maria.lopez-2@outlook.com", "maria+odoo@outlook.com",
            "carlos_ruiz@yahoo.com", "carlos.ruiz@yahoo.com.ar", "carlos-facturas@yahoo.com"})
    void validOutlookAndYahooAddresses(String address) {
        EmailCheck check = standard.check(address);
        assertThat(check.verdict()).isEqualTo(Verdict.VALID);
        assertThat(PolicyTest.has(check, FindingCode.PROVIDER_MAILBOX_RULE)).isFalse();
    }

    @Test
    void reasonMessagesForEveryReasonInBothLanguages() {
        for (String reason : ProviderMailboxRule.REASONS.keySet()) {
            Finding f = new Finding(FindingCode.PROVIDER_MAILBOX_RULE, Severity.WARNING,
                    java.util.Map.of("provider", "X", "reason", reason));
            assertThat(f.message(EN)).as(reason).startsWith("X does not issue mailboxes like this one: ")
                    .doesNotEndWith(reason);
            assertThat(f.message(ES)).as(reason).startsWith("X no crea buzones como este: ")
                    .doesNotEndWith(reason);
        }
    }

    @Test
    void modes() {
        CustomerEmailValidator strict = CustomerEmailValidator.builder().providerRules(ProviderRuleMode.STRICT).build();
        assertThat(strict.check("juan@gmail.com").verdict()).isEqualTo(Verdict.INVALID);
        assertThat(strict.check("1juan@hotmail.com").verdict()).isEqualTo(Verdict.INVALID);
        CustomerEmailValidator warning = CustomerEmailValidator.builder().providerRules(ProviderRuleMode.WARNING)
                .build();
        EmailCheck check = warning.check("juan_perez@gmail.com");
        assertThat(check.verdict()).isEqualTo(Verdict.VALID);
        assertThat(only(check, FindingCode.PROVIDER_MAILBOX_RULE).severity()).isEqualTo(Severity.WARNING);
        CustomerEmailValidator off = CustomerEmailValidator.builder().providerRules(ProviderRuleMode.OFF).build();
        assertThat(off.check("juan_perez@gmail.com").findings()).isEmpty();
    }

    @Test
    void localPartCaseKeptStillChecked() {
        CustomerEmailValidator keepCase = CustomerEmailValidator.builder().lowercaseLocalPart(false).build();
        assertThat(keepCase.check("JuanPerez@gmail.com").verdict()).isEqualTo(Verdict.VALID);
        assertThat(keepCase.check("Juan_Perez@gmail.com").verdict()).isEqualTo(Verdict.INVALID);
    }

    @Test
    void unknownReasonIdIsShownLiterally() {
        Finding f = new Finding(FindingCode.PROVIDER_MAILBOX_RULE, Severity.WARNING,
                java.util.Map.of("provider", "Acme", "reason", "no such reason"));
        assertThat(f.message(EN)).isEqualTo("Acme does not issue mailboxes like this one: no such reason");
    }
}
