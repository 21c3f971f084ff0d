package io.github.customeremail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * Open defect found by {@link HardeningProperties} (issue 9): the typo corrector's suggestion is checked by the
 * strict parser only, not by the policy, so the validator can ask "did you mean X?" where X is an address it
 * refuses itself (PipelineFuzzTest's contract: a suggestion re-checks VALID). Examples, default settings:
 * <ul>
 *   <li>{@code o'brien@gmial.com} → SUGGEST {@code o'brien@gmail.com}, which is INVALID (PROVIDER_MAILBOX_RULE)</li>
 *   <li>{@code ana_maria@gmail.con} → SUGGEST {@code ana_maria@gmail.com}, INVALID for the same rule</li>
 * </ul>
 * Not fixed here: dropping the suggestion would turn {@code o'brien@gmial.com} into VALID (a typo-squatter domain
 * accepted), so the right verdict is a design decision. Enable this test with the fix.
 */
class SuggestionPolicyTest {

    private final CustomerEmailValidator validator = CustomerEmailValidator.builder().build();

    @Test
    @Disabled("open defect: a suggestion may violate the policy (provider mailbox rules); see class comment")
    void aSuggestedAddressPassesThePolicyToo() {
        for (String typed : new String[] {"o'brien@gmial.com", "ana_maria@gmail.con", "ana_maria@gmial.com"}) {
            EmailCheck check = validator.check(typed);
            check.suggestion().ifPresent(s -> assertThat(validator.check(s.address()).verdict())
                    .as("%s -> %s", typed, s.address()).isEqualTo(Verdict.VALID));
        }
    }
}
