package io.github.customeremail;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The immutable result of checking one address.
 *
 * @param input      exactly what was given, {@code null} included
 * @param normalized the repaired address when it could be parsed (what to save when the verdict is
 *                   {@link Verdict#VALID}); empty when the input is not an address
 * @param verdict    the overall answer
 * @param suggestion what was probably meant, present exactly when the verdict is {@link Verdict#SUGGEST}
 * @param findings   everything noticed, in pipeline order: repairs first, then errors, typos, policy, DNS
 */
public record EmailCheck(String input, Optional<String> normalized, Verdict verdict,
                         Optional<Suggestion> suggestion, List<Finding> findings) {

    /** Validates and copies the components. */
    public EmailCheck {
        Objects.requireNonNull(normalized, "normalized");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(suggestion, "suggestion");
        findings = List.copyOf(findings);
        if (suggestion.isPresent() != (verdict == Verdict.SUGGEST)) {
            throw new IllegalArgumentException("a suggestion is present exactly when the verdict is SUGGEST");
        }
    }

    /** @return {@code true} when the verdict is {@link Verdict#VALID} */
    public boolean isValid() {
        return verdict == Verdict.VALID;
    }

    /**
     * @param code a finding code
     * @return {@code true} if a finding with this code was reported
     */
    public boolean has(FindingCode code) {
        return Findings.first(findings, code) != null;
    }

    /**
     * @param code a finding code
     * @return the first finding with this code
     */
    public Optional<Finding> finding(FindingCode code) {
        return Optional.ofNullable(Findings.first(findings, code));
    }

    /**
     * The one sentence a user interface shows: the suggestion question for SUGGEST, the first error for INVALID,
     * the DNS remark for UNKNOWN, and nothing for VALID.
     *
     * @param locale the language wanted
     * @return the message, or empty for a VALID address
     */
    public Optional<String> headline(Locale locale) {
        Severity wanted = switch (verdict) {
            case VALID -> null;
            case SUGGEST -> Severity.SUGGESTION;
            case INVALID -> Severity.ERROR;
            case UNKNOWN -> Severity.INDETERMINATE;
        };
        if (wanted == null) {
            return Optional.empty();
        }
        for (Finding f : findings) {
            if (f.severity() == wanted) {
                return Optional.of(f.message(locale));
            }
        }
        return Optional.empty();
    }
}
