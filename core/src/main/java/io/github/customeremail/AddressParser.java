package io.github.customeremail;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Stage 2: a hand-written, single-pass parser for the mailbox syntax of RFC 5321, restricted to what customer
 * mailboxes use. It never backtracks: the time is linear in the input, and inputs over 254 characters are refused
 * before any other work.
 *
 * <p>Accepted: a dot-atom local part (RFC 5322 {@code atext}, plus non-ASCII characters as RFC 6531 allows; policy
 * decides about those) of at most 64 octets; a domain of LDH labels (1–63 octets, no leading or trailing hyphen)
 * whose top-level domain exists in the bundled IANA list; at most 253 octets of domain and 254 in all.
 * Internationalized domains are converted to A-labels ({@code xn--}); see {@link ParsedAddress#domain()}.
 *
 * <p>Refused, each with its own {@link FindingCode}: quoted local parts and IP-address literals (recognised, valid in
 * RFC 5321, never a customer's mailbox), comments, dotless domains, control characters (CR, LF, NUL…) anywhere.
 *
 * <p>IDN conversion follows UTS #46 restricted to IDNA 2008 ({@link Idna}, over a bundled table generated from
 * Unicode's data): symbols and punctuation IDNA 2008 does not allow ({@code ¡ € £}) are refused, labels with
 * {@code --} in positions 3 and 4 must be valid A-labels, and right-to-left labels follow the Bidi rule. The four
 * "deviation" characters on which IDNA 2003 and UTS #46 disagree ({@code ß}, {@code ς}, ZWJ, ZWNJ) are refused
 * rather than mapped, so that no address silently turns into another domain.
 *
 * <p>This class is stateless and thread-safe.
 */
public final class AddressParser {

    /** RFC 5321 section 4.5.3.1: a path is at most 256 octets including the angle brackets. */
    public static final int MAX_ADDRESS_LENGTH = 254;
    /** RFC 5321 section 4.5.3.1.1. */
    public static final int MAX_LOCAL_PART_LENGTH = 64;
    /** RFC 1035 limit in presentation form without the trailing dot. */
    public static final int MAX_DOMAIN_LENGTH = 253;
    /** RFC 1035 section 2.3.4. */
    public static final int MAX_LABEL_LENGTH = 63;

    private static final AddressParser STRICT = new AddressParser(TopLevelDomains.bundled());

    /** Bit set of RFC 5322 atext characters below 128 (letters, digits and !#$%&'*+-/=?^_`{|}~). */
    private static final boolean[] ATEXT = new boolean[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            ATEXT[c] = true;
            ATEXT[Character.toUpperCase(c)] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            ATEXT[c] = true;
        }
        for (char c : "!#$%&'*+-/=?^_`{|}~".toCharArray()) {
            ATEXT[c] = true;
        }
    }

    private final TopLevelDomains tlds;

    private AddressParser(TopLevelDomains tlds) {
        this.tlds = tlds;
    }

    /** @return the strict customer-address parser with the bundled TLD list */
    public static AddressParser strict() {
        return STRICT;
    }

    /**
     * A parser that also accepts the given top-level domains, e.g. {@code test} for a test environment whose DNS
     * serves {@code example.test} (RFC 6761 special-use names are not in the IANA root zone list), or the TLD of a
     * private network.
     *
     * @param extraTlds top-level domains, letters, digits and hyphens (or Unicode, converted to A-labels)
     * @return a new parser; the bundled list itself is unchanged
     * @throws IllegalArgumentException if one of them is not a valid top-level domain label
     */
    public static AddressParser withExtraTopLevelDomains(java.util.Collection<String> extraTlds) {
        java.util.Set<String> extra = new java.util.HashSet<>();
        for (String tld : extraTlds) {
            String label = tld == null ? "" : tld.strip().toLowerCase(Locale.ROOT);
            if (label.startsWith(".")) {
                label = label.substring(1);
            }
            String ascii = Normalizer.isAscii(label) ? label : toALabel(label);
            if (ascii == null || ascii.isEmpty() || checkLdhLabel(ascii, 0, ascii.length()) != null
                    || ascii.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("not a top-level domain label: '" + tld + "'");
            }
            extra.add(ascii);
        }
        return extra.isEmpty() ? STRICT : new AddressParser(TopLevelDomains.bundled().plus(extra));
    }

    /** @return the version line of the bundled IANA TLD list, e.g. {@code Version 2026051600, Last Updated …} */
    public static String tldListVersion() {
        return TopLevelDomains.bundled().version();
    }

    /**
     * Parses one address with no repairs. Never throws for any non-null input.
     *
     * @param address the candidate, usually the output of {@link Normalizer}
     * @return the parsed address or the first reason it is refused
     */
    public ParseResult parse(String address) {
        return parse(address, true);
    }

    /**
     * The address as typed cleanly, in one pass: ASCII atext and single dots before the only {@code @} (no upper
     * case when the local part is lower-cased), lower-case letters, digits, single dots and single inner hyphens
     * after it, an existing TLD, every length within bounds. Such an input is what {@link Normalizer#normalize} leaves unchanged with no
     * repair and what {@link #parse} accepts as it is, so this answers both at once.
     *
     * @param s                  the input, not {@code null}
     * @param lowercaseLocalPart whether the normalizer lower-cases the local part (then upper case there needs it)
     * @return the parsed address, or {@code null} when the input is anything else (then normalize and parse decide)
     */
    ParsedAddress parseClean(String s, boolean lowercaseLocalPart) {
        int length = s.length();
        if (length > MAX_ADDRESS_LENGTH) {
            return null;
        }
        int at = -1;
        char previous = '.';
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c == '@') {
                at = i;
                break;
            }
            if (c == '.') {
                if (previous == '.') {
                    return null;
                }
            } else if (c >= 0x80 || !ATEXT[c] || (lowercaseLocalPart && c >= 'A' && c <= 'Z')) {
                return null;
            }
            previous = c;
        }
        if (at <= 0 || at > MAX_LOCAL_PART_LENGTH || previous == '.') {
            return null;
        }
        int labels = 1;
        int labelStart = at + 1;
        previous = '.';
        for (int i = labelStart; i < length; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                if (i == labelStart || i - labelStart > MAX_LABEL_LENGTH || previous == '-') {
                    return null;
                }
                labels++;
                labelStart = i + 1;
            } else if (c == '-') {
                // Inside a label and never doubled: no edge hyphen, no reserved "--", no ACE prefix to decode.
                if (previous == '.' || previous == '-') {
                    return null;
                }
            } else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                return null;
            }
            previous = c;
        }
        if (labels < 2 || length == labelStart || length - labelStart > MAX_LABEL_LENGTH || previous == '-'
                || length - at - 1 > MAX_DOMAIN_LENGTH || !tlds.exists(s, labelStart, length)) {
            return null;
        }
        return new ParsedAddress(s, at);
    }

    /** The reference for the one-pass domain check: every domain parsed label by label (tests compare the two). */
    ParseResult parseByLabels(String address) {
        return parse(address, false);
    }

    private ParseResult parse(String address, boolean plainDomainPass) {
        if (address == null || address.isEmpty()) {
            return reject(FindingCode.EMPTY);
        }
        int length = address.length();
        // Control characters first: they are a security matter (header injection), whatever else is wrong.
        int at = -1;
        int atCount = 0;
        boolean ascii = true;
        for (int i = 0; i < length; i++) {
            char c = address.charAt(i);
            if (isControl(c)) {
                return reject(FindingCode.CONTROL_CHARACTER, "position", Integer.toString(i + 1));
            }
            if (c == '@') {
                at = i;
                atCount++;
            } else if (c >= 0x80) {
                ascii = false;
            }
        }
        if (length > MAX_ADDRESS_LENGTH) {
            return reject(FindingCode.TOO_LONG, "max", Integer.toString(MAX_ADDRESS_LENGTH));
        }
        if (address.charAt(0) == '"') {
            return rejectQuoted(address);
        }
        if (address.indexOf('(') >= 0 && address.indexOf(')') >= 0) {
            return reject(FindingCode.COMMENT);
        }
        if (atCount == 0) {
            return reject(FindingCode.MISSING_AT);
        }
        if (atCount > 1) {
            return reject(FindingCode.MULTIPLE_AT);
        }
        ParseResult.Rejected localError = checkLocalPart(address, at, ascii);
        if (localError != null) {
            return localError;
        }
        return parseDomain(address, at, ascii, plainDomainPass);
    }

    private static ParseResult.Rejected checkLocalPart(String s, int at, boolean ascii) {
        if (at == 0) {
            return reject(FindingCode.LOCAL_PART_EMPTY);
        }
        int octets = ascii ? at : s.substring(0, at).getBytes(StandardCharsets.UTF_8).length;
        if (octets > MAX_LOCAL_PART_LENGTH) {
            return reject(FindingCode.LOCAL_PART_TOO_LONG, "max", Integer.toString(MAX_LOCAL_PART_LENGTH));
        }
        char previous = '.';
        for (int i = 0; i < at; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                if (previous == '.') {
                    return reject(FindingCode.LOCAL_PART_DOT);
                }
            } else if (c < 0x80) {
                if (!ATEXT[c]) {
                    return c == ' '
                            ? reject(FindingCode.SPACE_INSIDE)
                            : reject(FindingCode.LOCAL_PART_INVALID_CHARACTER, "character", String.valueOf(c));
                }
            } else if (Normalizer.isWhitespace(c)) {
                return reject(FindingCode.SPACE_INSIDE);
            } else if (Character.isSurrogate(c) && !validSurrogatePair(s, i)) {
                return reject(FindingCode.LOCAL_PART_INVALID_CHARACTER, "character", "\uFFFD");
            } else {
                int cp = s.codePointAt(i);
                if (!isInternationalLocalChar(cp)) {
                    return reject(FindingCode.LOCAL_PART_INVALID_CHARACTER, "character", Character.toString(cp));
                }
                i += Character.charCount(cp) - 1;
            }
            previous = c;
        }
        if (previous == '.') {
            return reject(FindingCode.LOCAL_PART_DOT);
        }
        return null;
    }

    private ParseResult parseDomain(String s, int at, boolean ascii, boolean plainDomainPass) {
        int start = at + 1;
        int end = s.length();
        if (start == end) {
            return reject(FindingCode.DOMAIN_EMPTY);
        }
        if (s.charAt(start) == '[') {
            return reject(FindingCode.DOMAIN_LITERAL);
        }
        int localOctets = ascii ? at : s.substring(0, at).getBytes(StandardCharsets.UTF_8).length;
        if (ascii || Normalizer.isAscii(s, start, end)) {
            ParseResult plain = plainDomainPass ? parsePlainDomain(s, at, localOctets) : null;
            return plain != null ? plain : parseAsciiDomainLabels(s, at, localOctets);
        }
        return parseInternationalDomain(s, at, localOctets);
    }

    /** The common case: checks the labels in place and allocates only the domain string (and the result). */
    /**
     * The common domain in one pass: letters, digits and single dots only, every label 1 to 63 characters. No
     * hyphen means no label can start or end with one, hold the reserved {@code --} or an ACE prefix, so the checks
     * of {@link #parseAsciiDomainLabels} for those cannot fail and are skipped.
     *
     * @return the result, or {@code null} when the domain is anything else (then the label-by-label parse decides)
     */
    private ParseResult parsePlainDomain(String s, int at, int localOctets) {
        int start = at + 1;
        int end = s.length();
        int labels = 1;
        int labelStart = start;
        boolean upperCase = false;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                if (i == labelStart || i - labelStart > MAX_LABEL_LENGTH) {
                    return null;
                }
                labels++;
                labelStart = i + 1;
            } else if (c >= 'A' && c <= 'Z') {
                upperCase = true;
            } else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                return null;
            }
        }
        if (end == labelStart || end - labelStart > MAX_LABEL_LENGTH) {
            return null;
        }
        return checkedDomain(s, at, localOctets, labels, labelStart, upperCase);
    }

    private ParseResult parseAsciiDomainLabels(String s, int at, int localOctets) {
        int start = at + 1;
        int end = s.length();
        int labels = 0;
        int labelStart = start;
        boolean upperCase = false;
        for (int i = start; i <= end; i++) {
            if (i < end) {
                char c = s.charAt(i);
                if (c != '.') {
                    upperCase |= c >= 'A' && c <= 'Z';
                    continue;
                }
            }
            if (i == labelStart) {
                return reject(FindingCode.DOMAIN_LABEL_EMPTY);
            }
            ParseResult.Rejected error = checkLdhLabel(s, labelStart, i);
            if (error != null) {
                return error;
            }
            labels++;
            if (i < end) {
                labelStart = i + 1;
            }
        }
        ParseResult.Rejected error = checkDomainShape(labels, end - start, localOctets);
        if (error != null) {
            return error;
        }
        if (containsAcePrefix(s, start, end) && !bidiAllowsAscii(s.substring(start).toLowerCase(Locale.ROOT))) {
            return reject(FindingCode.IDN_INVALID, "label", s.substring(start));
        }
        return checkedTld(s, at, labelStart, upperCase);
    }

    /** The end of both ASCII-domain parses once the labels are known good: shape, then the TLD. */
    private ParseResult checkedDomain(String s, int at, int localOctets, int labels, int labelStart,
                                      boolean upperCase) {
        ParseResult.Rejected error = checkDomainShape(labels, s.length() - at - 1, localOctets);
        if (error != null) {
            return error;
        }
        return checkedTld(s, at, labelStart, upperCase);
    }

    private ParseResult checkedTld(String s, int at, int labelStart, boolean upperCase) {
        int start = at + 1;
        int end = s.length();
        if (!tlds.exists(s, labelStart, end)) {
            return reject(FindingCode.TLD_UNKNOWN, "tld", s.substring(labelStart, end).toLowerCase(Locale.ROOT));
        }
        if (!upperCase) {
            return new ParsedAddress(s, at); // the domain string is made only if asked for
        }
        String domain = s.substring(start).toLowerCase(Locale.ROOT);
        return new ParsedAddress(s.substring(0, start) + domain, at, domain, domain);
    }

    private ParseResult parseInternationalDomain(String s, int at, int localOctets) {
        int start = at + 1;
        int end = s.length();
        StringBuilder ascii = new StringBuilder(end - start + 16);
        java.util.List<String> unicodeLabels = new java.util.ArrayList<>(4);
        int labels = 0;
        int labelStart = start;
        for (int i = start; i <= end; i++) {
            if (i < end && s.charAt(i) != '.') {
                continue;
            }
            if (i == labelStart) {
                return reject(FindingCode.DOMAIN_LABEL_EMPTY);
            }
            String label = s.substring(labelStart, i);
            if (Normalizer.isAscii(label)) {
                ParseResult.Rejected error = checkLdhLabel(s, labelStart, i);
                if (error != null) {
                    return error;
                }
                String lower = label.toLowerCase(Locale.ROOT);
                ascii.append(lower);
                unicodeLabels.add(lower.startsWith(Idna.ACE_PREFIX) ? Idna.fromAce(lower) : lower);
            } else {
                String aLabel = toALabel(label);
                // The converted label must itself be a valid LDH label: a label that is mapped to one starting with
                // "xn--" ("\u034Fxn--5p33qom9", U+034F being ignored) must be a valid A-label (found by fuzzing).
                if (aLabel == null || checkLdhLabel(aLabel, 0, aLabel.length()) != null) {
                    return reject(FindingCode.IDN_INVALID, "label", label);
                }
                unicodeLabels.add(aLabel.startsWith(Idna.ACE_PREFIX) ? Idna.fromAce(aLabel) : aLabel);
                if (aLabel.length() > MAX_LABEL_LENGTH) {
                    return reject(FindingCode.DOMAIN_LABEL_TOO_LONG, "max", Integer.toString(MAX_LABEL_LENGTH));
                }
                ascii.append(aLabel);
            }
            labels++;
            if (i < end) {
                ascii.append('.');
            }
            labelStart = i + 1;
        }
        String domain = ascii.toString();
        if (!Idna.bidiAllows(unicodeLabels)) {
            return reject(FindingCode.IDN_INVALID, "label", s.substring(start));
        }
        ParseResult.Rejected error = checkDomainShape(labels, domain.length(), localOctets);
        if (error != null) {
            return error;
        }
        String tld = domain.substring(domain.lastIndexOf('.') + 1);
        if (!tlds.exists(tld)) {
            return reject(FindingCode.TLD_UNKNOWN, "tld", tld);
        }
        String localPart = s.substring(0, at);
        return new ParsedAddress(ParsedAddress.join(localPart, domain), at, domain,
                s.substring(start).toLowerCase(Locale.ROOT));
    }

    private static ParseResult.Rejected checkDomainShape(int labels, int asciiLength, int localOctets) {
        if (labels < 2) {
            return reject(FindingCode.DOMAIN_NO_TLD);
        }
        if (asciiLength > MAX_DOMAIN_LENGTH) {
            return reject(FindingCode.DOMAIN_TOO_LONG, "max", Integer.toString(MAX_DOMAIN_LENGTH));
        }
        if (localOctets + 1 + asciiLength > MAX_ADDRESS_LENGTH) {
            return reject(FindingCode.TOO_LONG, "max", Integer.toString(MAX_ADDRESS_LENGTH));
        }
        return null;
    }

    private static ParseResult.Rejected checkLdhLabel(String s, int from, int to) {
        if (to - from > MAX_LABEL_LENGTH) {
            return reject(FindingCode.DOMAIN_LABEL_TOO_LONG, "max", Integer.toString(MAX_LABEL_LENGTH));
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            boolean ldh = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || (c >= 'A' && c <= 'Z');
            if (!ldh) {
                return c == ' '
                        ? reject(FindingCode.SPACE_INSIDE)
                        : reject(FindingCode.DOMAIN_INVALID_CHARACTER, "character", String.valueOf(c));
            }
        }
        if (s.charAt(from) == '-' || s.charAt(to - 1) == '-') {
            return reject(FindingCode.DOMAIN_LABEL_HYPHEN);
        }
        // Labels with "--" in positions 3 and 4 are reserved (RFC 5891 4.2.3.1): only valid A-labels may have it.
        if (to - from >= 4 && s.charAt(from + 2) == '-' && s.charAt(from + 3) == '-') {
            String label = s.substring(from, to).toLowerCase(Locale.ROOT);
            if (!label.startsWith(Idna.ACE_PREFIX) || Idna.fromAce(label) == null) {
                return reject(FindingCode.IDN_INVALID, "label", label);
            }
        }
        return null;
    }

    /** @return the ASCII form of a label, or {@code null} if it cannot be an IDNA 2008 label (see {@link Idna}) */
    private static String toALabel(String label) {
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (Character.isSurrogate(c) && !validSurrogatePair(label, i)) {
                return null;
            }
        }
        return Idna.toAscii(label);
    }

    private static boolean containsAcePrefix(String s, int from, int to) {
        for (int i = from; i + 4 <= to; i++) {
            if (s.regionMatches(true, i, Idna.ACE_PREFIX, 0, 4)) {
                return true;
            }
        }
        return false;
    }

    /** The Bidi rule over an ASCII domain whose A-labels (already checked) are decoded first. */
    private static boolean bidiAllowsAscii(String domain) {
        java.util.List<String> labels = new java.util.ArrayList<>(4);
        for (String label : domain.split("\\.")) {
            labels.add(label.startsWith(Idna.ACE_PREFIX) ? Idna.fromAce(label) : label);
        }
        return Idna.bidiAllows(labels);
    }

    private static boolean validSurrogatePair(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    /**
     * Non-ASCII characters allowed in a local part: letters, digits and combining marks (names such as
     * {@code josé} or {@code 山田}). Symbols and punctuation ({@code €}, {@code ©}, {@code —}, {@code •}) are refused:
     * no provider issues such mailboxes and they are almost always paste accidents.
     */
    private static boolean isInternationalLocalChar(int cp) {
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /** C0 and C1 controls, DEL, and the Unicode line and paragraph separators. */
    static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029';
    }

    /** Recognises {@code "…"@domain} so that it is refused with its own, precise reason. */
    private static ParseResult rejectQuoted(String s) {
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i + 1 < s.length() && s.charAt(i + 1) == '@' && i + 2 < s.length()
                        ? reject(FindingCode.QUOTED_LOCAL_PART)
                        : reject(FindingCode.LOCAL_PART_INVALID_CHARACTER, "character", "\"");
            }
        }
        return reject(FindingCode.LOCAL_PART_INVALID_CHARACTER, "character", "\"");
    }

    private static ParseResult.Rejected reject(FindingCode code) {
        return new ParseResult.Rejected(Finding.of(code, Severity.ERROR));
    }

    private static ParseResult.Rejected reject(FindingCode code, String name, String value) {
        return new ParseResult.Rejected(Finding.of(code, Severity.ERROR, name, value));
    }
}
