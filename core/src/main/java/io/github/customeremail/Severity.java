package io.github.customeremail;

/** How much a {@link Finding} weighs on the {@link Verdict}. */
public enum Severity {
    /** A safe repair that was applied, or a neutral remark; does not change the verdict. */
    INFO,
    /** Worth telling the user, but the address is still accepted. */
    WARNING,
    /** The input is probably a typo of something else; leads to {@link Verdict#SUGGEST}. */
    SUGGESTION,
    /** The check could not be completed (e.g. DNS did not answer); leads to {@link Verdict#UNKNOWN}. */
    INDETERMINATE,
    /** The address cannot be accepted; leads to {@link Verdict#INVALID}. */
    ERROR
}
