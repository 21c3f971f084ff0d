package io.github.customeremail.validation;

import io.github.customeremail.EmailCheck;
import io.github.customeremail.Finding;
import io.github.customeremail.FindingCode;
import io.github.customeremail.Severity;
import io.github.customeremail.Suggestion;
import io.github.customeremail.Verdict;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Check results that core cannot produce yet (or ever), for the validator's test seam. */
final class Scripts {

    private Scripts() {
    }

    /** What core's typo corrector is expected to answer for {@code juan@gmial.com}, whatever the input. */
    static EmailCheck suggestGmail(String input) {
        return suggest(input, "juan@gmial.com", "juan@gmail.com");
    }

    static EmailCheck suggest(String input, String normalized, String suggestion) {
        return new EmailCheck(input, Optional.of(normalized), Verdict.SUGGEST,
                Optional.of(new Suggestion(suggestion, 0.9, normalized.substring(normalized.indexOf('@') + 1))),
                List.of(new Finding(FindingCode.DOMAIN_TYPO, Severity.SUGGESTION, Map.of("suggestion", suggestion))));
    }

    /** An INVALID result whose reason is a custom rule's message, taken literally by core. */
    static EmailCheck invalidWithMessage(String input, String message) {
        return new EmailCheck(input, Optional.empty(), Verdict.INVALID, Optional.empty(),
                List.of(new Finding(FindingCode.custom("ACME_RULE"), Severity.ERROR, Map.of("message", message))));
    }
}
