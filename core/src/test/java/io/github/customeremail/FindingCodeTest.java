package io.github.customeremail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.customeremail.FindingCode.Category;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every built-in code's category, and the equality that ignores it. */
class FindingCodeTest {

    static List<FindingCode> builtIn() throws IllegalAccessException {
        List<FindingCode> codes = new ArrayList<>();
        for (Field f : FindingCode.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == FindingCode.class) {
                codes.add((FindingCode) f.get(null));
            }
        }
        return codes;
    }

    private static Set<String> idsWhere(java.util.function.Predicate<Category> which) throws IllegalAccessException {
        return builtIn().stream().filter(c -> which.test(c.category())).map(FindingCode::id)
                .collect(Collectors.toSet());
    }

    @Test
    void syntaxMailboxAndMailDomainCodesAreTheOnesAfterWhichAMessageWouldBounce() throws Exception {
        assertThat(idsWhere(Category::undeliverable)).containsExactlyInAnyOrder(
                "TOO_LONG", "MISSING_AT", "MULTIPLE_AT", "CONTROL_CHARACTER", "SPACE_INSIDE", "LOCAL_PART_EMPTY",
                "LOCAL_PART_TOO_LONG", "LOCAL_PART_INVALID_CHARACTER", "LOCAL_PART_DOT", "QUOTED_LOCAL_PART",
                "COMMENT", "DOMAIN_EMPTY", "DOMAIN_TOO_LONG", "DOMAIN_LITERAL", "DOMAIN_INVALID_CHARACTER",
                "DOMAIN_LABEL_EMPTY", "DOMAIN_LABEL_TOO_LONG", "DOMAIN_LABEL_HYPHEN", "DOMAIN_NO_TLD",
                "TLD_UNKNOWN", "IDN_INVALID", "PROVIDER_MAILBOX_RULE", "NON_ASCII_LOCAL_PART", "NULL_MX",
                "DOMAIN_NOT_FOUND", "NO_MAIL_HOST", "MAIL_HOST_NOT_PUBLIC", "MAIL_HOST_NOT_FOUND", "IMPLICIT_MX",
                "PREVIOUSLY_BOUNCED", "SPECIAL_USE_DOMAIN");
    }

    @Test
    void repairsThatDeliveryDoesNotTolerateAreApartFromCosmeticOnes() throws Exception {
        assertThat(idsWhere(c -> c == Category.REPAIR)).containsExactlyInAnyOrder(
                "COMMA_IN_DOMAIN_REPLACED", "SPACES_REMOVED", "REPEATED_DOTS_IN_DOMAIN_FIXED", "MAILTO_REMOVED",
                "QUOTES_REMOVED", "TRAILING_PUNCTUATION_REMOVED", "UNICODE_NORMALIZED",
                "INVISIBLE_CHARACTERS_REMOVED");
        assertThat(idsWhere(c -> c == Category.COSMETIC_REPAIR)).containsExactlyInAnyOrder(
                "TRIMMED", "DISPLAY_NAME_REMOVED", "DOMAIN_LOWERCASED", "LOCAL_PART_LOWERCASED", "IDN_CONVERTED");
    }

    @Test
    void companyRulesAreNotBounces() throws Exception {
        assertThat(idsWhere(c -> c == Category.POLICY)).containsExactlyInAnyOrder(
                "CORPORATE_DOMAIN", "BLOCKED_DOMAIN", "DOMAIN_NOT_ALLOWED", "DISPOSABLE_DOMAIN", "ROLE_ACCOUNT",
                "POLICY_RULE_FAILED", "COMPLAINED", "MIXED_SCRIPT_DOMAIN");
        assertThat(Category.POLICY.undeliverable()).isFalse();
        assertThat(FindingCode.DNS_INDETERMINATE.category().undeliverable()).isFalse();
        assertThat(FindingCode.DNS_RESOLVER_UNRELIABLE.category()).isEqualTo(Category.DNS_INDETERMINATE);
    }

    @Test
    void customCodesArePolicyUnlessToldAndEqualByIdOnly() {
        assertThat(FindingCode.custom("ACME_X").category()).isEqualTo(Category.POLICY);
        FindingCode mailbox = FindingCode.custom("ACME_X", Category.MAILBOX);
        assertThat(mailbox.category()).isEqualTo(Category.MAILBOX);
        assertThat(mailbox).isEqualTo(FindingCode.custom("ACME_X")).hasSameHashCodeAs(FindingCode.custom("ACME_X"));
        assertThatThrownBy(() -> FindingCode.custom("ACME_X", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> FindingCode.custom("acme")).isInstanceOf(IllegalArgumentException.class);
    }
}
