package io.github.customeremail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class CheckListenerTest {

    @Test
    void everyEntryPointReportsEachCheckOnce() {
        List<EmailCheck> seen = new CopyOnWriteArrayList<>();
        CustomerEmailValidator validator = CustomerEmailValidator.builder().checkListener(seen::add).build();

        EmailCheck offline = validator.checkOffline("juan@gmial.com");
        EmailCheck checked = validator.check("ana@hotmail.com");
        EmailCheck async = validator.checkAsync("no-at-sign").join();
        EmailCheck empty = validator.check(null);

        assertThat(seen).containsExactly(offline, checked, async, empty);
        assertThat(seen).extracting(EmailCheck::verdict)
                .containsExactly(Verdict.SUGGEST, Verdict.VALID, Verdict.INVALID, Verdict.INVALID);
    }

    @Test
    void aCheckThatWaitsForTheMailDomainIsReportedWithItsFinalVerdict() {
        List<EmailCheck> seen = new CopyOnWriteArrayList<>();
        MailDomainChecker nullMx = domain -> CompletableFuture.completedFuture(new MailDomainStatus.NullMx());
        CustomerEmailValidator validator = CustomerEmailValidator.builder()
                .mailDomainChecker(nullMx).checkListener(seen::add).build();

        EmailCheck check = validator.check("juan@ejemplo.com");

        assertThat(check.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(seen).containsExactly(check);
        assertThat(seen.get(0).has(FindingCode.NULL_MX)).isTrue();
    }

    @Test
    void aFailingListenerDoesNotChangeTheAnswer() {
        CustomerEmailValidator validator = CustomerEmailValidator.builder()
                .checkListener(check -> {
                    throw new IllegalStateException("broken metrics");
                })
                .build();

        assertThat(validator.check("juan@gmail.com").verdict()).isEqualTo(Verdict.VALID);
        assertThat(validator.checkAsync("juan@gmial.com").join().verdict()).isEqualTo(Verdict.SUGGEST);
    }
}
