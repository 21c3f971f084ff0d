package io.github.customeremail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuppressionListTest {

    private static final Locale ES = Locale.forLanguageTag("es");
    private static final LocalDate NOV_3 = LocalDate.of(2026, 11, 3);

    private final InMemorySuppressionList list = InMemorySuppressionList.of(List.of(
            new SuppressionEntry("juan.perez@gmail.com", SuppressionReason.MAILBOX_DOES_NOT_EXIST, NOV_3,
                    "smtp; 550 5.1.1 <juan.perez@gmail.com>: Recipient address rejected: User unknown"),
            new SuppressionEntry("Ana@Hotmail.com", SuppressionReason.COMPLAINT, LocalDate.of(2026, 1, 15), ""),
            new SuppressionEntry("lleno@yahoo.com", SuppressionReason.REPEATED_TRANSIENT_BOUNCES, NOV_3,
                    "452 4.2.2 mailbox full")));
    private final CustomerEmailValidator validator = CustomerEmailValidator.builder().suppressionList(list).build();

    @Test
    void aBouncedAddressIsInvalidAndTheMessageNamesTheDayAndTheServersReason() {
        EmailCheck check = validator.check("  Juan.Perez@Gmail,com ");
        assertThat(check.verdict()).isEqualTo(Verdict.INVALID);
        Finding finding = check.finding(FindingCode.PREVIOUSLY_BOUNCED).orElseThrow();
        assertThat(finding.severity()).isEqualTo(Severity.ERROR);
        assertThat(finding.message(ES)).isEqualTo(
                "El correo a esta dirección fue rechazado el 3/11/2026: la cuenta no existe (550 5.1.1)");
        assertThat(finding.message(Locale.ENGLISH)).isEqualTo(
                "Mail to this address was rejected on 11/3/2026: the mailbox does not exist (550 5.1.1)");
    }

    @Test
    void lookupsIgnoreCaseOnBothSidesAsOddosEmailNormalizeDoes() {
        EmailCheck check = validator.check("ana@hotmail.com");
        assertThat(check.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(check.finding(FindingCode.COMPLAINED).orElseThrow().message(ES)).isEqualTo(
                "El destinatario marcó como correo no deseado un mensaje enviado a esta dirección el 15/1/2026.");
        CustomerEmailValidator keepingCase = CustomerEmailValidator.builder().lowercaseLocalPart(false)
                .suppressionList(list).build();
        assertThat(keepingCase.check("ANA@hotmail.com").has(FindingCode.COMPLAINED)).isTrue();
    }

    @Test
    void repeatedTransientBouncesNameThatReasonAndAnEmptyDiagnosticShowsNoParentheses() {
        assertThat(validator.check("lleno@yahoo.com").finding(FindingCode.PREVIOUSLY_BOUNCED).orElseThrow()
                .message(ES)).endsWith("temporalmente una y otra vez (452 4.2.2)");
        InMemorySuppressionList bare = InMemorySuppressionList.of(List.of(new SuppressionEntry("x@gmail.com",
                SuppressionReason.MAILBOX_DOES_NOT_EXIST, NOV_3, "user unknown")));
        assertThat(CustomerEmailValidator.builder().suppressionList(bare).build().check("x@gmail.com")
                .finding(FindingCode.PREVIOUSLY_BOUNCED).orElseThrow().message(Locale.ENGLISH))
                .isEqualTo("Mail to this address was rejected on 11/3/2026: the mailbox does not exist");
    }

    @Test
    void aPermanentBounceOfUnknownCauseSaysSoInEveryLanguage() {
        InMemorySuppressionList ses = InMemorySuppressionList.of(List.of(new SuppressionEntry("ana@gmail.com",
                SuppressionReason.PERMANENT_BOUNCE, NOV_3, "")));
        Finding finding = CustomerEmailValidator.builder().suppressionList(ses).build().check("ana@gmail.com")
                .finding(FindingCode.PREVIOUSLY_BOUNCED).orElseThrow();
        assertThat(finding.message(ES)).isEqualTo("El correo a esta dirección fue rechazado el 3/11/2026: un rechazo "
                + "definitivo, por el que el servicio de envío dejó de enviarle correo");
        assertThat(finding.message(Locale.ENGLISH)).isEqualTo("Mail to this address was rejected on 11/3/2026: a "
                + "permanent bounce, after which the sending service stopped mailing it");
        assertThat(finding.message(Locale.forLanguageTag("pt"))).contains("uma recusa definitiva");
    }

    @Test
    void otherAddressesAndTheOfflineCheckAreUnaffectedOrConsultedAlike() {
        assertThat(validator.check("maria@gmail.com").verdict()).isEqualTo(Verdict.VALID);
        assertThat(validator.checkOffline("juan.perez@gmail.com").verdict()).isEqualTo(Verdict.INVALID);
        assertThat(validator.check("juan.perez@@gmail.com").has(FindingCode.PREVIOUSLY_BOUNCED)).isFalse();
    }

    @Test
    void warningModeShowsTheFindingButKeepsTheAddressAndOffIgnoresTheList() {
        EmailCheck warned = CustomerEmailValidator.builder().suppressionList(list)
                .suppressedAddresses(RuleMode.WARNING).build().check("juan.perez@gmail.com");
        assertThat(warned.verdict()).isEqualTo(Verdict.VALID);
        assertThat(warned.finding(FindingCode.PREVIOUSLY_BOUNCED).orElseThrow().severity())
                .isEqualTo(Severity.WARNING);
        assertThat(CustomerEmailValidator.builder().suppressionList(list).suppressedAddresses(RuleMode.OFF).build()
                .check("juan.perez@gmail.com").verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void liftingASuppressionTakesEffectOnTheNextCheck() {
        assertThat(list.remove("JUAN.PEREZ@gmail.com")).isTrue();
        assertThat(validator.check("juan.perez@gmail.com").verdict()).isEqualTo(Verdict.VALID);
        assertThat(list.remove("juan.perez@gmail.com")).isFalse();
        assertThat(list.size()).isEqualTo(2);
    }

    @Test
    void aFailingListCountsAsNotSuppressedAndNeverBreaksTheCheck() {
        SuppressionList broken = address -> {
            throw new IllegalStateException("down");
        };
        SuppressionList nullAnswer = address -> null;
        for (SuppressionList l : List.of(broken, nullAnswer)) {
            EmailCheck check = CustomerEmailValidator.builder().suppressionList(l).build().check("juan@gmail.com");
            assertThat(check.verdict()).isEqualTo(Verdict.VALID);
        }
        assertThat(list.find(null)).isEqualTo(Optional.empty());
    }

    @Test
    void statusSummaryFindsReplyAndEnhancedCodesOnly() {
        assertThat(summary("smtp; 550 5.1.1 <a@b.com>: Recipient address rejected")).isEqualTo("550 5.1.1");
        assertThat(summary("smtp; 550-5.1.10 RESOLVER.ADR.RecipientNotFound")).isEqualTo("550 5.1.10");
        assertThat(summary("Amazon SES has suppressed sending to this address")).isEmpty();
        assertThat(summary("host 10.0.0.5 said: 5.7.1 blocked")).isEqualTo("5.7.1");
        assertThat(summary("user 12345 unknown 5501")).isEmpty();
        assertThat(summary("")).isEmpty();
    }

    @Test
    void anAddressIsFoundWhateverTheCaseOfItsAsciiAndNonAsciiLetters() {
        InMemorySuppressionList mixed = new InMemorySuppressionList();
        mixed.add(new SuppressionEntry("JOSÉ.Núñez@Gmail.com", SuppressionReason.COMPLAINT, NOV_3, ""));
        mixed.add(new SuppressionEntry("ana@hotmail.com", SuppressionReason.COMPLAINT, NOV_3, ""));
        for (String address : List.of("josé.núñez@gmail.com", "JOSÉ.NÚÑEZ@GMAIL.COM", "José.Núñez@gmail.com",
                "ana@hotmail.com", "ANA@hotmail.com", "Ana@Hotmail.Com")) {
            assertThat(mixed.find(address)).as(address).isPresent();
        }
        for (String address : List.of("jose.nunez@gmail.com", "ana@hotmail.co", "anа@hotmail.com")) {
            assertThat(mixed.find(address)).as(address).isEmpty();
        }
    }

    @Test
    void aGrowingListFindsEveryAddressAddedAndNoneRemovedWhileItsFilterIsRebuilt() {
        InMemorySuppressionList growing = new InMemorySuppressionList();
        for (int i = 0; i < 20_000; i++) { // the filter starts at 1 024 keys: rebuilt five times
            growing.add(new SuppressionEntry("cliente" + i + "@gmail.com", SuppressionReason.COMPLAINT, NOV_3, ""));
        }
        for (int i = 0; i < 20_000; i++) {
            assertThat(growing.find("cliente" + i + "@gmail.com")).as("cliente%d", i).isPresent();
        }
        assertThat(growing.remove("CLIENTE7@gmail.com")).isTrue();
        assertThat(growing.find("cliente7@gmail.com")).isEmpty();
        growing.add(new SuppressionEntry("cliente7@gmail.com", SuppressionReason.COMPLAINT, NOV_3, ""));
        assertThat(growing.find("Cliente7@Gmail.com")).isPresent();
        int found = 0;
        for (int i = 20_000; i < 40_000; i++) {
            found += growing.find("cliente" + i + "@gmail.com").isPresent() ? 1 : 0;
        }
        assertThat(found).isZero();
        assertThat(growing.size()).isEqualTo(20_000);
    }

    private static String summary(String diagnostic) {
        return new SuppressionEntry("a@b.com", SuppressionReason.MAILBOX_DOES_NOT_EXIST, NOV_3, diagnostic)
                .statusSummary();
    }
}
