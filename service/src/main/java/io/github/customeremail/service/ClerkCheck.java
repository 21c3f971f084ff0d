package io.github.customeremail.service;

import io.github.customeremail.EmailCheck;
import io.github.customeremail.Finding;
import io.github.customeremail.FindingCode;
import io.github.customeremail.Suggestion;
import io.github.customeremail.Verdict;
import java.util.List;
import java.util.Locale;

/**
 * One checked address as the clerks' page shows it.
 *
 * @param input      what was typed
 * @param normalized the repaired address, or {@code null}
 * @param verdict    VALID, SUGGEST, INVALID or UNKNOWN
 * @param suggestion the likely intended address, or {@code null}
 * @param reasons    the findings as short sentences in the page's language (all of them: the list and its CSV)
 * @param typoReason the reason that only asks "did you mean …?", or {@code null}
 * @param verified   when and by whom the customer confirmed the address, already worded, or {@code null}
 */
public record ClerkCheck(String input, String normalized, String verdict, String suggestion, List<String> reasons,
                  String typoReason, String verified) {

    static ClerkCheck of(EmailCheck check, Locale locale, String verified) {
        String typoReason = check.findings().stream().filter(f -> f.code().equals(FindingCode.DOMAIN_TYPO))
                .map(f -> f.message(locale)).findFirst().orElse(null);
        return new ClerkCheck(check.input(), check.normalized().orElse(null), check.verdict().name(),
                check.suggestion().map(Suggestion::address).orElse(null),
                check.findings().stream().map((Finding f) -> f.message(locale)).toList(), typoReason, verified);
    }

    /**
     * The reasons shown under a single check: the button that takes the suggestion already asks "did you mean …?",
     * so the reason that says only that is left out.
     */
    public List<String> reasonsBesideSuggestion() {
        return suggestion == null || typoReason == null ? reasons
                : reasons.stream().filter(r -> !r.equals(typoReason)).toList();
    }

    /** Whether a code can be sent to confirm the address with the customer. */
    public boolean confirmable() {
        return normalized != null
                && (verdict.equals(Verdict.VALID.name()) || verdict.equals(Verdict.UNKNOWN.name()));
    }

    /** The verdict's CSS class and message key suffix, lower case. */
    public String kind() {
        return verdict.toLowerCase(Locale.ROOT);
    }
}
