package io.github.customeremail.service;

import io.github.customeremail.EmailCheck;
import io.github.customeremail.Finding;
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
 * @param reasons    the findings as short sentences in the page's language
 * @param verified   when and by whom the customer confirmed the address, already worded, or {@code null}
 */
public record ClerkCheck(String input, String normalized, String verdict, String suggestion, List<String> reasons,
                  String verified) {

    static ClerkCheck of(EmailCheck check, Locale locale, String verified) {
        return new ClerkCheck(check.input(), check.normalized().orElse(null), check.verdict().name(),
                check.suggestion().map(Suggestion::address).orElse(null),
                check.findings().stream().map((Finding f) -> f.message(locale)).toList(), verified);
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
