package io.github.customeremail;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A stable, machine-readable code for a {@link Finding}. Applications switch on these codes; the built-in ones
 * below never change meaning once released. Custom rules may create their own with {@link #custom(String)}.
 *
 * <p>Codes are upper-case identifiers ({@code [A-Z][A-Z0-9_]*}, at most 64 characters). Two codes are equal when
 * their ids are equal; the {@link Category} says what kind of problem a code is about, so that a report can group
 * codes (for example "would bounce") without its own list of them.
 *
 * @param id       the code as it appears in JSON output and message bundles
 * @param category what kind of finding this is
 */
public record FindingCode(String id, Category category) {

    /**
     * What kind of problem (or repair) a finding code is about. Together with the finding's {@link Severity} it
     * tells whether a message sent to the address would bounce ({@link #undeliverable()}) or the company's own
     * rules refuse it.
     */
    public enum Category {
        /** A repair of something mail delivery tolerates as typed: case, blanks around, a display name, IDN form. */
        COSMETIC_REPAIR(false),
        /** A repair without which the address as typed could not be delivered (a comma for a dot, spaces…). */
        REPAIR(false),
        /** Nothing was typed: there is no address to deliver to. */
        NO_ADDRESS(false),
        /** The address breaks mailbox syntax (RFC 5321 as customers use it): a message would bounce. */
        SYNTAX(true),
        /** A probable typo of a known domain, with a suggestion. */
        TYPO(false),
        /** The mailbox cannot exist at its provider or most senders cannot deliver to it: a message would bounce. */
        MAILBOX(true),
        /** A rule of the company refuses or flags the address (corporate, blocked, disposable, role accounts…). */
        POLICY(false),
        /** What DNS says about the domain's mail servers: an error here means a message would bounce. */
        MAIL_DOMAIN(true),
        /** DNS could not answer: deliverability is unknown. */
        DNS_INDETERMINATE(false),
        /** The address could not be checked because of an internal error. */
        INTERNAL(false);

        private final boolean undeliverable;

        Category(boolean undeliverable) {
            this.undeliverable = undeliverable;
        }

        /**
         * @return {@code true} when an {@link Severity#ERROR} finding of this category means that a message sent to
         *         the address would bounce (rather than being refused by a rule of the company)
         */
        public boolean undeliverable() {
            return undeliverable;
        }
    }

    private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    // --- Safe repairs made by the normalizer (severity INFO) ---
    /** Whitespace or line breaks around the address were removed. */
    public static final FindingCode TRIMMED = new FindingCode("TRIMMED", Category.COSMETIC_REPAIR);
    /** Invisible characters (zero-width spaces, BOM, soft hyphens, bidi controls) were removed. */
    public static final FindingCode INVISIBLE_CHARACTERS_REMOVED = new FindingCode("INVISIBLE_CHARACTERS_REMOVED", Category.REPAIR);
    /** Compatibility characters (fullwidth {@code ＠}, fullwidth letters…) were replaced by their plain forms (NFKC). */
    public static final FindingCode UNICODE_NORMALIZED = new FindingCode("UNICODE_NORMALIZED", Category.REPAIR);
    /** A {@code mailto:} prefix (and any {@code ?query}) was removed. */
    public static final FindingCode MAILTO_REMOVED = new FindingCode("MAILTO_REMOVED", Category.REPAIR);
    /** A display name and angle brackets ({@code Juan <juan@x.com>}) were removed. */
    public static final FindingCode DISPLAY_NAME_REMOVED = new FindingCode("DISPLAY_NAME_REMOVED", Category.COSMETIC_REPAIR);
    /** Quotes around the whole address were removed. */
    public static final FindingCode QUOTES_REMOVED = new FindingCode("QUOTES_REMOVED", Category.REPAIR);
    /** Trailing {@code ;}, {@code ,} or {@code .} were removed. */
    public static final FindingCode TRAILING_PUNCTUATION_REMOVED = new FindingCode("TRAILING_PUNCTUATION_REMOVED", Category.REPAIR);
    /** Spaces around {@code @} or around dots of the domain were removed. */
    public static final FindingCode SPACES_REMOVED = new FindingCode("SPACES_REMOVED", Category.REPAIR);
    /** A comma typed for a dot in the domain was replaced ({@code gmail,com}). */
    public static final FindingCode COMMA_IN_DOMAIN_REPLACED = new FindingCode("COMMA_IN_DOMAIN_REPLACED", Category.REPAIR);
    /** Repeated dots in the domain were collapsed ({@code gmail..com}). */
    public static final FindingCode REPEATED_DOTS_IN_DOMAIN_FIXED = new FindingCode("REPEATED_DOTS_IN_DOMAIN_FIXED", Category.REPAIR);
    /** The domain was lower-cased. */
    public static final FindingCode DOMAIN_LOWERCASED = new FindingCode("DOMAIN_LOWERCASED", Category.COSMETIC_REPAIR);
    /** The local part was lower-cased (an option, on by default). */
    public static final FindingCode LOCAL_PART_LOWERCASED = new FindingCode("LOCAL_PART_LOWERCASED", Category.COSMETIC_REPAIR);
    /** An internationalized domain was converted to its ASCII (A-label, {@code xn--}) form. */
    public static final FindingCode IDN_CONVERTED = new FindingCode("IDN_CONVERTED", Category.COSMETIC_REPAIR);

    // --- Syntax errors found by the strict parser (severity ERROR) ---
    /** Nothing was typed. */
    public static final FindingCode EMPTY = new FindingCode("EMPTY", Category.NO_ADDRESS);
    /** The address (or the raw input) is longer than any deliverable address can be. */
    public static final FindingCode TOO_LONG = new FindingCode("TOO_LONG", Category.SYNTAX);
    /** There is no {@code @}. */
    public static final FindingCode MISSING_AT = new FindingCode("MISSING_AT", Category.SYNTAX);
    /** There is more than one {@code @}. */
    public static final FindingCode MULTIPLE_AT = new FindingCode("MULTIPLE_AT", Category.SYNTAX);
    /** A control character, line break or NUL is inside the address. */
    public static final FindingCode CONTROL_CHARACTER = new FindingCode("CONTROL_CHARACTER", Category.SYNTAX);
    /** A space is inside the address. */
    public static final FindingCode SPACE_INSIDE = new FindingCode("SPACE_INSIDE", Category.SYNTAX);
    /** Nothing before the {@code @}. */
    public static final FindingCode LOCAL_PART_EMPTY = new FindingCode("LOCAL_PART_EMPTY", Category.SYNTAX);
    /** More than 64 characters before the {@code @}. */
    public static final FindingCode LOCAL_PART_TOO_LONG = new FindingCode("LOCAL_PART_TOO_LONG", Category.SYNTAX);
    /** A character that an unquoted local part cannot contain. */
    public static final FindingCode LOCAL_PART_INVALID_CHARACTER = new FindingCode("LOCAL_PART_INVALID_CHARACTER", Category.SYNTAX);
    /** The local part starts or ends with a dot, or has two dots in a row. */
    public static final FindingCode LOCAL_PART_DOT = new FindingCode("LOCAL_PART_DOT", Category.SYNTAX);
    /** A quoted local part ({@code "juan perez"@x.com}): valid in RFC 5321 but not used by customer mailboxes. */
    public static final FindingCode QUOTED_LOCAL_PART = new FindingCode("QUOTED_LOCAL_PART", Category.SYNTAX);
    /** A comment in parentheses ({@code juan(casa)@x.com}): RFC 5322 syntax that mail systems do not deliver to. */
    public static final FindingCode COMMENT = new FindingCode("COMMENT", Category.SYNTAX);
    /** Nothing after the {@code @}. */
    public static final FindingCode DOMAIN_EMPTY = new FindingCode("DOMAIN_EMPTY", Category.SYNTAX);
    /** The domain is longer than 253 characters (in its ASCII form). */
    public static final FindingCode DOMAIN_TOO_LONG = new FindingCode("DOMAIN_TOO_LONG", Category.SYNTAX);
    /** An IP address literal instead of a domain ({@code juan@[192.0.2.1]}). */
    public static final FindingCode DOMAIN_LITERAL = new FindingCode("DOMAIN_LITERAL", Category.SYNTAX);
    /** A domain label with a character other than letters, digits and hyphens. */
    public static final FindingCode DOMAIN_INVALID_CHARACTER = new FindingCode("DOMAIN_INVALID_CHARACTER", Category.SYNTAX);
    /** An empty domain label (a dot at the start or the end of the domain). */
    public static final FindingCode DOMAIN_LABEL_EMPTY = new FindingCode("DOMAIN_LABEL_EMPTY", Category.SYNTAX);
    /** A domain label longer than 63 characters. */
    public static final FindingCode DOMAIN_LABEL_TOO_LONG = new FindingCode("DOMAIN_LABEL_TOO_LONG", Category.SYNTAX);
    /** A domain label that starts or ends with a hyphen. */
    public static final FindingCode DOMAIN_LABEL_HYPHEN = new FindingCode("DOMAIN_LABEL_HYPHEN", Category.SYNTAX);
    /** The domain has no dot, so no top-level domain ({@code juan@gmail}). */
    public static final FindingCode DOMAIN_NO_TLD = new FindingCode("DOMAIN_NO_TLD", Category.SYNTAX);
    /** The top-level domain does not exist (not in the bundled IANA list). */
    public static final FindingCode TLD_UNKNOWN = new FindingCode("TLD_UNKNOWN", Category.SYNTAX);
    /**
     * A special-use or reserved name that never receives customer mail ({@code example.com}, {@code .test},
     * {@code .invalid}, {@code .localhost}, {@code .local}, {@code .onion}, {@code .arpa}; RFC 2606, 6761, 6762,
     * 7686, 8375), unless allowed by an extra TLD or the allow-list. Parameter {@code domain}: the reserved name.
     */
    public static final FindingCode SPECIAL_USE_DOMAIN = new FindingCode("SPECIAL_USE_DOMAIN", Category.MAIL_DOMAIN);
    /** An internationalized domain name that cannot be converted to ASCII. */
    public static final FindingCode IDN_INVALID = new FindingCode("IDN_INVALID", Category.SYNTAX);

    // --- Typo corrector (severity SUGGESTION) ---
    /** The domain looks like a typo of a well-known domain; a suggestion is given. */
    public static final FindingCode DOMAIN_TYPO = new FindingCode("DOMAIN_TYPO", Category.TYPO);
    /** The domain imitates a well-known domain with look-alike Unicode characters. */
    public static final FindingCode LOOKALIKE_DOMAIN = new FindingCode("LOOKALIKE_DOMAIN", Category.TYPO);

    /**
     * A domain label mixes scripts the way no real name does (Latin with Cyrillic or Greek letters, UTS #39 "highly
     * restrictive"), and reads as no known domain: a spoofed or pasted name. Parameter {@code domain}, in Unicode.
     */
    public static final FindingCode MIXED_SCRIPT_DOMAIN = new FindingCode("MIXED_SCRIPT_DOMAIN", Category.POLICY);

    // --- Policy rules ---
    /** The domain (or a parent of it) is blocked, e.g. the company's own corporate domain. */
    public static final FindingCode CORPORATE_DOMAIN = new FindingCode("CORPORATE_DOMAIN", Category.POLICY);
    /** The domain is on a configured block list. */
    public static final FindingCode BLOCKED_DOMAIN = new FindingCode("BLOCKED_DOMAIN", Category.POLICY);
    /** An allow-list is configured and the domain is not on it. */
    public static final FindingCode DOMAIN_NOT_ALLOWED = new FindingCode("DOMAIN_NOT_ALLOWED", Category.POLICY);
    /** The domain hands out throw-away mailboxes. */
    public static final FindingCode DISPOSABLE_DOMAIN = new FindingCode("DISPOSABLE_DOMAIN", Category.POLICY);
    /** A role account ({@code info@}, {@code ventas@}, {@code facturacion@}…) rather than a person's mailbox. */
    public static final FindingCode ROLE_ACCOUNT = new FindingCode("ROLE_ACCOUNT", Category.POLICY);
    /** The mail provider could never have issued this mailbox name. */
    public static final FindingCode PROVIDER_MAILBOX_RULE = new FindingCode("PROVIDER_MAILBOX_RULE", Category.MAILBOX);
    /** The local part has non-ASCII characters (SMTPUTF8), which most senders cannot deliver to. */
    public static final FindingCode NON_ASCII_LOCAL_PART = new FindingCode("NON_ASCII_LOCAL_PART", Category.MAILBOX);
    /**
     * A policy rule (usually a custom {@link io.github.customeremail.PolicyRule}) threw an exception, so the address
     * could not be fully checked. Parameters {@code rule} (its name) and {@code error} (the exception class).
     */
    public static final FindingCode POLICY_RULE_FAILED = new FindingCode("POLICY_RULE_FAILED", Category.POLICY);

    // --- Mail-domain (MX) check ---
    /** The domain publishes a null MX (RFC 7505): it receives no mail. */
    public static final FindingCode NULL_MX = new FindingCode("NULL_MX", Category.MAIL_DOMAIN);
    /** The domain does not exist in DNS (NXDOMAIN). */
    public static final FindingCode DOMAIN_NOT_FOUND = new FindingCode("DOMAIN_NOT_FOUND", Category.MAIL_DOMAIN);
    /** The domain exists but has neither MX nor address records: no host receives its mail. */
    public static final FindingCode NO_MAIL_HOST = new FindingCode("NO_MAIL_HOST", Category.MAIL_DOMAIN);
    /** Every mail host of the domain resolves only to loopback, private or reserved addresses. */
    public static final FindingCode MAIL_HOST_NOT_PUBLIC = new FindingCode("MAIL_HOST_NOT_PUBLIC", Category.MAIL_DOMAIN);
    /** The domain's MX records name mail hosts that do not exist in DNS. */
    public static final FindingCode MAIL_HOST_NOT_FOUND = new FindingCode("MAIL_HOST_NOT_FOUND", Category.MAIL_DOMAIN);
    /** No MX record, but the domain has an address record that receives mail (RFC 5321 implicit MX). */
    public static final FindingCode IMPLICIT_MX = new FindingCode("IMPLICIT_MX", Category.MAIL_DOMAIN);
    /** DNS did not answer in time or answered with an error: deliverability is unknown. */
    public static final FindingCode DNS_INDETERMINATE = new FindingCode("DNS_INDETERMINATE", Category.DNS_INDETERMINATE);
    /**
     * The DNS resolver denies names that exist (a sinkhole, captive or offline resolver): no domain can be judged
     * until the DNS configuration is fixed. Parameters {@code domain} and {@code reason}.
     */
    public static final FindingCode DNS_RESOLVER_UNRELIABLE =
            new FindingCode("DNS_RESOLVER_UNRELIABLE", Category.DNS_INDETERMINATE);

    // --- Suppression list (what sending taught: see SuppressionList) ---
    /**
     * Mail to this address bounced: the mailbox does not exist, or temporary bounces repeated. Parameters
     * {@code date} (ISO day), {@code reason} ({@link SuppressionReason#id()}), {@code detail} (the mail server's
     * reply and status codes in parentheses, or empty).
     */
    public static final FindingCode PREVIOUSLY_BOUNCED = new FindingCode("PREVIOUSLY_BOUNCED", Category.MAILBOX);
    /** The recipient reported mail sent to this address as spam. Parameter {@code date} (ISO day). */
    public static final FindingCode COMPLAINED = new FindingCode("COMPLAINED", Category.POLICY);

    // --- Safety net ---
    /** An unexpected internal error; the address could not be checked. Please report it. */
    public static final FindingCode INTERNAL_ERROR = new FindingCode("INTERNAL_ERROR", Category.INTERNAL);

    /** Validates the components. */
    public FindingCode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(category, "category");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a finding code is an upper-case identifier [A-Z][A-Z0-9_]*, "
                    + "at most 64 characters: '" + id + "'");
        }
    }

    /**
     * Creates a code for a custom rule, of category {@link Category#POLICY}. Prefix it with something of your own
     * ({@code ACME_}) so that it never collides with a built-in code added later.
     *
     * @param id an upper-case identifier
     * @return the code
     * @throws IllegalArgumentException if {@code id} is not an upper-case identifier
     */
    public static FindingCode custom(String id) {
        return new FindingCode(id, Category.POLICY);
    }

    /**
     * Creates a code for a custom rule of the given category, e.g. {@link Category#MAILBOX} for a rule that knows a
     * provider never issues such mailboxes (then an ERROR finding counts as a bounce in reports).
     *
     * @param id       an upper-case identifier
     * @param category what kind of finding it is
     * @return the code
     * @throws IllegalArgumentException if {@code id} is not an upper-case identifier
     */
    public static FindingCode custom(String id, Category category) {
        return new FindingCode(id, category);
    }

    /** Two codes are equal when their ids are equal, whatever their categories. */
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
