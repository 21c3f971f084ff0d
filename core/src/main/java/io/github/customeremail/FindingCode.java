package io.github.customeremail;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A stable, machine-readable code for a {@link Finding}. Applications switch on these codes; the built-in ones
 * below never change meaning once released. Custom rules may create their own with {@link #custom(String)}.
 *
 * <p>Codes are upper-case identifiers ({@code [A-Z][A-Z0-9_]*}, at most 64 characters). Two codes are equal when
 * their ids are equal.
 *
 * @param id the code as it appears in JSON output and message bundles
 */
public record FindingCode(String id) {

    private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    // --- Safe repairs made by the normalizer (severity INFO) ---
    /** Whitespace or line breaks around the address were removed. */
    public static final FindingCode TRIMMED = new FindingCode("TRIMMED");
    /** Invisible characters (zero-width spaces, BOM, soft hyphens, bidi controls) were removed. */
    public static final FindingCode INVISIBLE_CHARACTERS_REMOVED = new FindingCode("INVISIBLE_CHARACTERS_REMOVED");
    /** Compatibility characters (fullwidth {@code ＠}, fullwidth letters…) were replaced by their plain forms (NFKC). */
    public static final FindingCode UNICODE_NORMALIZED = new FindingCode("UNICODE_NORMALIZED");
    /** A {@code mailto:} prefix (and any {@code ?query}) was removed. */
    public static final FindingCode MAILTO_REMOVED = new FindingCode("MAILTO_REMOVED");
    /** A display name and angle brackets ({@code Juan <juan@x.com>}) were removed. */
    public static final FindingCode DISPLAY_NAME_REMOVED = new FindingCode("DISPLAY_NAME_REMOVED");
    /** Quotes around the whole address were removed. */
    public static final FindingCode QUOTES_REMOVED = new FindingCode("QUOTES_REMOVED");
    /** Trailing {@code ;}, {@code ,} or {@code .} were removed. */
    public static final FindingCode TRAILING_PUNCTUATION_REMOVED = new FindingCode("TRAILING_PUNCTUATION_REMOVED");
    /** Spaces around {@code @} or around dots of the domain were removed. */
    public static final FindingCode SPACES_REMOVED = new FindingCode("SPACES_REMOVED");
    /** A comma typed for a dot in the domain was replaced ({@code gmail,com}). */
    public static final FindingCode COMMA_IN_DOMAIN_REPLACED = new FindingCode("COMMA_IN_DOMAIN_REPLACED");
    /** Repeated dots in the domain were collapsed ({@code gmail..com}). */
    public static final FindingCode REPEATED_DOTS_IN_DOMAIN_FIXED = new FindingCode("REPEATED_DOTS_IN_DOMAIN_FIXED");
    /** The domain was lower-cased. */
    public static final FindingCode DOMAIN_LOWERCASED = new FindingCode("DOMAIN_LOWERCASED");
    /** The local part was lower-cased (an option, on by default). */
    public static final FindingCode LOCAL_PART_LOWERCASED = new FindingCode("LOCAL_PART_LOWERCASED");
    /** An internationalized domain was converted to its ASCII (A-label, {@code xn--}) form. */
    public static final FindingCode IDN_CONVERTED = new FindingCode("IDN_CONVERTED");

    // --- Syntax errors found by the strict parser (severity ERROR) ---
    /** Nothing was typed. */
    public static final FindingCode EMPTY = new FindingCode("EMPTY");
    /** The address (or the raw input) is longer than any deliverable address can be. */
    public static final FindingCode TOO_LONG = new FindingCode("TOO_LONG");
    /** There is no {@code @}. */
    public static final FindingCode MISSING_AT = new FindingCode("MISSING_AT");
    /** There is more than one {@code @}. */
    public static final FindingCode MULTIPLE_AT = new FindingCode("MULTIPLE_AT");
    /** A control character, line break or NUL is inside the address. */
    public static final FindingCode CONTROL_CHARACTER = new FindingCode("CONTROL_CHARACTER");
    /** A space is inside the address. */
    public static final FindingCode SPACE_INSIDE = new FindingCode("SPACE_INSIDE");
    /** Nothing before the {@code @}. */
    public static final FindingCode LOCAL_PART_EMPTY = new FindingCode("LOCAL_PART_EMPTY");
    /** More than 64 characters before the {@code @}. */
    public static final FindingCode LOCAL_PART_TOO_LONG = new FindingCode("LOCAL_PART_TOO_LONG");
    /** A character that an unquoted local part cannot contain. */
    public static final FindingCode LOCAL_PART_INVALID_CHARACTER = new FindingCode("LOCAL_PART_INVALID_CHARACTER");
    /** The local part starts or ends with a dot, or has two dots in a row. */
    public static final FindingCode LOCAL_PART_DOT = new FindingCode("LOCAL_PART_DOT");
    /** A quoted local part ({@code "juan perez"@x.com}): valid in RFC 5321 but not used by customer mailboxes. */
    public static final FindingCode QUOTED_LOCAL_PART = new FindingCode("QUOTED_LOCAL_PART");
    /** A comment in parentheses ({@code juan(casa)@x.com}): RFC 5322 syntax that mail systems do not deliver to. */
    public static final FindingCode COMMENT = new FindingCode("COMMENT");
    /** Nothing after the {@code @}. */
    public static final FindingCode DOMAIN_EMPTY = new FindingCode("DOMAIN_EMPTY");
    /** The domain is longer than 253 characters (in its ASCII form). */
    public static final FindingCode DOMAIN_TOO_LONG = new FindingCode("DOMAIN_TOO_LONG");
    /** An IP address literal instead of a domain ({@code juan@[192.0.2.1]}). */
    public static final FindingCode DOMAIN_LITERAL = new FindingCode("DOMAIN_LITERAL");
    /** A domain label with a character other than letters, digits and hyphens. */
    public static final FindingCode DOMAIN_INVALID_CHARACTER = new FindingCode("DOMAIN_INVALID_CHARACTER");
    /** An empty domain label (a dot at the start or the end of the domain). */
    public static final FindingCode DOMAIN_LABEL_EMPTY = new FindingCode("DOMAIN_LABEL_EMPTY");
    /** A domain label longer than 63 characters. */
    public static final FindingCode DOMAIN_LABEL_TOO_LONG = new FindingCode("DOMAIN_LABEL_TOO_LONG");
    /** A domain label that starts or ends with a hyphen. */
    public static final FindingCode DOMAIN_LABEL_HYPHEN = new FindingCode("DOMAIN_LABEL_HYPHEN");
    /** The domain has no dot, so no top-level domain ({@code juan@gmail}). */
    public static final FindingCode DOMAIN_NO_TLD = new FindingCode("DOMAIN_NO_TLD");
    /** The top-level domain does not exist (not in the bundled IANA list). */
    public static final FindingCode TLD_UNKNOWN = new FindingCode("TLD_UNKNOWN");
    /**
     * A special-use or reserved name that never receives customer mail ({@code example.com}, {@code .test},
     * {@code .invalid}, {@code .localhost}, {@code .local}, {@code .onion}, {@code .arpa}; RFC 2606, 6761, 6762,
     * 7686, 8375), unless allowed by an extra TLD or the allow-list. Parameter {@code domain}: the reserved name.
     */
    public static final FindingCode SPECIAL_USE_DOMAIN = new FindingCode("SPECIAL_USE_DOMAIN");
    /** An internationalized domain name that cannot be converted to ASCII. */
    public static final FindingCode IDN_INVALID = new FindingCode("IDN_INVALID");

    // --- Typo corrector (severity SUGGESTION) ---
    /** The domain looks like a typo of a well-known domain; a suggestion is given. */
    public static final FindingCode DOMAIN_TYPO = new FindingCode("DOMAIN_TYPO");
    /** The domain imitates a well-known domain with look-alike Unicode characters. */
    public static final FindingCode LOOKALIKE_DOMAIN = new FindingCode("LOOKALIKE_DOMAIN");

    /**
     * A domain label mixes scripts the way no real name does (Latin with Cyrillic or Greek letters, UTS #39 "highly
     * restrictive"), and reads as no known domain: a spoofed or pasted name. Parameter {@code domain}, in Unicode.
     */
    public static final FindingCode MIXED_SCRIPT_DOMAIN = new FindingCode("MIXED_SCRIPT_DOMAIN");

    // --- Policy rules ---
    /** The domain (or a parent of it) is blocked, e.g. the company's own corporate domain. */
    public static final FindingCode CORPORATE_DOMAIN = new FindingCode("CORPORATE_DOMAIN");
    /** The domain is on a configured block list. */
    public static final FindingCode BLOCKED_DOMAIN = new FindingCode("BLOCKED_DOMAIN");
    /** An allow-list is configured and the domain is not on it. */
    public static final FindingCode DOMAIN_NOT_ALLOWED = new FindingCode("DOMAIN_NOT_ALLOWED");
    /** The domain hands out throw-away mailboxes. */
    public static final FindingCode DISPOSABLE_DOMAIN = new FindingCode("DISPOSABLE_DOMAIN");
    /** A role account ({@code info@}, {@code ventas@}, {@code facturacion@}…) rather than a person's mailbox. */
    public static final FindingCode ROLE_ACCOUNT = new FindingCode("ROLE_ACCOUNT");
    /** The mail provider could never have issued this mailbox name. */
    public static final FindingCode PROVIDER_MAILBOX_RULE = new FindingCode("PROVIDER_MAILBOX_RULE");
    /** The local part has non-ASCII characters (SMTPUTF8), which most senders cannot deliver to. */
    public static final FindingCode NON_ASCII_LOCAL_PART = new FindingCode("NON_ASCII_LOCAL_PART");
    /**
     * A policy rule (usually a custom {@link io.github.customeremail.PolicyRule}) threw an exception, so the address
     * could not be fully checked. Parameters {@code rule} (its name) and {@code error} (the exception class).
     */
    public static final FindingCode POLICY_RULE_FAILED = new FindingCode("POLICY_RULE_FAILED");

    // --- Mail-domain (MX) check ---
    /** The domain publishes a null MX (RFC 7505): it receives no mail. */
    public static final FindingCode NULL_MX = new FindingCode("NULL_MX");
    /** The domain does not exist in DNS (NXDOMAIN). */
    public static final FindingCode DOMAIN_NOT_FOUND = new FindingCode("DOMAIN_NOT_FOUND");
    /** The domain exists but has neither MX nor address records: no host receives its mail. */
    public static final FindingCode NO_MAIL_HOST = new FindingCode("NO_MAIL_HOST");
    /** Every mail host of the domain resolves only to loopback, private or reserved addresses. */
    public static final FindingCode MAIL_HOST_NOT_PUBLIC = new FindingCode("MAIL_HOST_NOT_PUBLIC");
    /** No MX record, but the domain has an address record that receives mail (RFC 5321 implicit MX). */
    public static final FindingCode IMPLICIT_MX = new FindingCode("IMPLICIT_MX");
    /** DNS did not answer in time or answered with an error: deliverability is unknown. */
    public static final FindingCode DNS_INDETERMINATE = new FindingCode("DNS_INDETERMINATE");

    // --- Safety net ---
    /** An unexpected internal error; the address could not be checked. Please report it. */
    public static final FindingCode INTERNAL_ERROR = new FindingCode("INTERNAL_ERROR");

    /** Validates the id. */
    public FindingCode {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a finding code is an upper-case identifier [A-Z][A-Z0-9_]*, "
                    + "at most 64 characters: '" + id + "'");
        }
    }

    /**
     * Creates a code for a custom rule. Prefix it with something of your own ({@code ACME_}) so that it never
     * collides with a built-in code added later.
     *
     * @param id an upper-case identifier
     * @return the code
     * @throws IllegalArgumentException if {@code id} is not an upper-case identifier
     */
    public static FindingCode custom(String id) {
        return new FindingCode(id);
    }

    /**
     * Two codes are equal when their ids are equal (a record's equality, written out: codes are compared on every
     * check, and the generated method is a slower indirect call).
     */
    @Override
    public boolean equals(Object other) {
        return this == other || (other instanceof FindingCode code && id.equals(code.id));
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return id;
    }
}
