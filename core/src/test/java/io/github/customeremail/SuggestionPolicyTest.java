package io.github.customeremail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Found by {@link HardeningProperties} and by fuzzing (issue 9): a suggestion must re-check VALID, policy included.
 * When the corrected address would itself be refused ({@code o'brien@gmial.com}: no Gmail mailbox has an
 * apostrophe), there is no good suggestion; the verdict is INVALID with the reason, never VALID (which would accept
 * the typo-squatter domain).
 */
class SuggestionPolicyTest {

    private final CustomerEmailValidator validator = CustomerEmailValidator.builder().build();

    @ParameterizedTest
    @ValueSource(strings = {"o'brien@gmial.com", "ana_maria@gmail.con", "ana_maria@gmial.com"})
    void aSuggestionThatPolicyWouldRefuseIsNotMadeAndTheTypoIsNotAccepted(String typed) {
        EmailCheck check = validator.check(typed);
        check.suggestion().ifPresent(s -> assertThat(validator.check(s.address()).verdict())
                .as("%s -> %s", typed, s.address()).isEqualTo(Verdict.VALID));
        assertThat(check.verdict()).as(typed).isEqualTo(Verdict.INVALID);
        assertThat(check.suggestion()).isEmpty();
    }
}
