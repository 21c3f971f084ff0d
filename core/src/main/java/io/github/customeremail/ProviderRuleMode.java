package io.github.customeremail;

/**
 * How the provider mailbox rules ({@link FindingCode#PROVIDER_MAILBOX_RULE}: what Gmail, Outlook/Hotmail and Yahoo
 * mailbox names can look like) weigh on the verdict. In a properties file the values are written {@code off},
 * {@code warning}, {@code standard} and {@code strict}.
 */
public enum ProviderRuleMode {
    /** The rules do not run. */
    OFF,
    /** Every broken rule is a {@link Severity#WARNING}. */
    WARNING,
    /**
     * The default: a rule the provider states without exceptions is an {@link Severity#ERROR} (today only Gmail's
     * character rule: a Gmail address never has an underscore, hyphen…); rules that are not published as firmly, or
     * that old accounts may break, are a {@link Severity#WARNING}.
     */
    STANDARD,
    /** Every broken rule is an {@link Severity#ERROR}. */
    STRICT
}
