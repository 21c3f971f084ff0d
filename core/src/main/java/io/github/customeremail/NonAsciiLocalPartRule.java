package io.github.customeremail;

import java.util.Optional;

/**
 * Built-in rule: a local part with non-ASCII characters ({@code josé@empresa.com}), which only SMTPUTF8 (RFC 6531)
 * can carry ({@link FindingCode#NON_ASCII_LOCAL_PART}, no parameters).
 *
 * <p>Default {@link RuleMode#INVALID}: most sending services cannot deliver to such an address at all (Amazon SES,
 * among others, accepts only 7-bit ASCII before the {@code @}), and the big free providers customers use here
 * (Gmail, Outlook/Hotmail, Yahoo) never issue such mailboxes, so in this market the accent is almost always a
 * typing habit ({@code josé@} for {@code jose@}) and the invoice would never arrive. Senders that do support
 * SMTPUTF8 configure {@link RuleMode#WARNING}.
 */
record NonAsciiLocalPartRule(Severity severity) implements PolicyRule {

    static final int COST = 20;

    @Override
    public Optional<Finding> evaluate(ParsedAddress address) {
        String s = address.address(); // the local part is s[0, at), read in place
        for (int i = 0, at = address.at(); i < at; i++) {
            if (s.charAt(i) >= 0x80) {
                return Optional.of(Finding.of(FindingCode.NON_ASCII_LOCAL_PART, severity));
            }
        }
        return Optional.empty();
    }

    @Override
    public int cost() {
        return COST;
    }

    @Override
    public String name() {
        return "non-ascii-local-part";
    }
}
