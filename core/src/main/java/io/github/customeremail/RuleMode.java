package io.github.customeremail;

/**
 * How a configurable policy rule weighs on the verdict (role accounts, non-ASCII local parts). In a properties
 * file the values are written {@code off}, {@code warning} and {@code invalid}.
 */
public enum RuleMode {
    /** The rule does not run. */
    OFF,
    /** The finding has severity {@link Severity#WARNING}: reported, the address is still {@link Verdict#VALID}. */
    WARNING,
    /** The finding has severity {@link Severity#ERROR}: the verdict is {@link Verdict#INVALID}. */
    INVALID
}
