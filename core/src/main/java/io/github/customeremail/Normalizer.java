package io.github.customeremail;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Stage 1: safe, deterministic repairs of what clerks type or paste. Each kind of repair is reported once as an
 * {@link Severity#INFO} finding. Normalizing the output again changes nothing (idempotent).
 *
 * <p>Repairs, in order:
 * <ol>
 *   <li>invisible characters removed (zero-width spaces and joiners, BOM, soft hyphen, bidi controls);</li>
 *   <li>Unicode compatibility forms folded (NFKC: fullwidth {@code ＠} and letters, no-break spaces);</li>
 *   <li>until nothing changes: surrounding whitespace trimmed, trailing {@code ; , .} removed, {@code mailto:}
 *       (and a {@code ?query}) removed, {@code Name <address>} reduced to the address, quotes around the whole
 *       address removed;</li>
 *   <li>spaces around {@code @} and around the dots of the domain removed;</li>
 *   <li>in the domain: comma typed for a dot replaced, repeated dots collapsed;</li>
 *   <li>domain lower-cased; local part lower-cased unless disabled (customer mailboxes are case-insensitive in
 *       practice, and one spelling per customer avoids duplicates).</li>
 * </ol>
 * Control characters, line breaks inside the address and spaces elsewhere are deliberately not repaired: the
 * parser rejects them, because guessing there could change whose mailbox it is.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Normalizer {

    private static final Normalizer STANDARD = new Normalizer(true);
    private static final Normalizer KEEP_LOCAL_CASE = new Normalizer(false);

    private final boolean lowercaseLocalPart;

    private Normalizer(boolean lowercaseLocalPart) {
        this.lowercaseLocalPart = lowercaseLocalPart;
    }

    /** @return a normalizer that also lower-cases the local part (the default) */
    public static Normalizer standard() {
        return STANDARD;
    }

    /**
     * @param lowercaseLocalPart whether the part before {@code @} is lower-cased
     * @return a normalizer with that option
     */
    public static Normalizer lowercasingLocalPart(boolean lowercaseLocalPart) {
        return lowercaseLocalPart ? STANDARD : KEEP_LOCAL_CASE;
    }

    /** @return whether this normalizer lower-cases the local part */
    public boolean lowercasesLocalPart() {
        return lowercaseLocalPart;
    }

    /**
     * Repairs one input. Runs in time linear in the input length for ordinary input; callers should cap the
     * length of what they pass (the validator refuses inputs over {@link CustomerEmailValidator#MAX_INPUT_LENGTH}).
     *
     * @param raw the text as typed; must not be {@code null}
     * @return the repaired text and the repairs made
     */
    public Normalization normalize(String raw) {
        return normalize(raw, true);
    }

    /**
     * The reference for the shortcuts of {@link #normalize(String)}: every repair step run, every address repaired
     * part by part (tests compare the two).
     */
    Normalization normalizeByParts(String raw) {
        return normalize(raw, false);
    }

    private Normalization normalize(String raw, boolean shortcuts) {
        Repairs repairs = new Repairs();
        String s = raw;

        boolean ascii = true;
        boolean space = false;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            ascii &= c < 0x80;
            space |= c == ' ';
        }
        boolean typedAscii = ascii;
        if (!ascii) {
            String visible = removeInvisible(s);
            if (visible.length() != s.length()) {
                repairs.add(FindingCode.INVISIBLE_CHARACTERS_REMOVED);
                s = visible;
            }
            String folded = foldCompatibility(s);
            if (!folded.equals(s)) {
                s = folded;
                repairs.add(FindingCode.UNICODE_NORMALIZED);
            }
            ascii = isAscii(s);
        }

        s = unwrap(s, repairs);
        if (!shortcuts || space || !typedAscii) { // a Unicode space, or one folded from a no-break one, counts
            s = removeSpacesAroundSeparators(s, repairs);
        }

        int at = s.lastIndexOf('@');
        if (at >= 0 && shortcuts && ascii && !needsDomainRepair(s, at + 1)) {
            s = lowercaseAscii(s, at, repairs);
        } else if (at >= 0) {
            s = repairAndLowercase(s, at, repairs);
        } else {
            // No @: still fold case so that normalizing twice is stable and messages show a tidy value.
            String lower = lowercaseLocalPart ? s.toLowerCase(Locale.ROOT) : s;
            if (!lower.equals(s)) {
                repairs.add(FindingCode.LOCAL_PART_LOWERCASED);
                s = lower;
            }
        }
        // Lower-casing can break canonical order (U+0130 becomes i + U+0307, which must then sort after a combining
        // mark of lower class such as U+0316): normalize once more so that normalizing twice changes nothing. Every
        // repair above only removes or lower-cases ASCII characters, so an ASCII text stays ASCII.
        if (!ascii && !isAscii(s)) {
            String folded = foldCompatibility(s);
            if (!folded.equals(s)) {
                s = folded;
                repairs.add(FindingCode.UNICODE_NORMALIZED);
            }
        }
        return new Normalization(s, repairs.list());
    }

    /** Whether the domain from {@code from} holds a comma or two dots in a row: the repairs of {@link #repairDomain}. */
    private static boolean needsDomainRepair(String s, int from) {
        char previous = 0;
        for (int i = from, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c == ',' || (c == '.' && previous == '.')) {
                return true;
            }
            previous = c;
        }
        return false;
    }

    /**
     * The case repairs of an ASCII address whose domain needs no other repair, in place: one scan for upper case,
     * and one copy only when there is some (what {@link #repairAndLowercase} gives, without its substrings).
     */
    private String lowercaseAscii(String s, int at, Repairs repairs) {
        boolean upperDomain = !isLowerCaseAscii(s, at + 1, s.length()); // s is ASCII: only upper case says no
        boolean upperLocal = !isLowerCaseAscii(s, 0, at);
        if (upperDomain) {
            repairs.add(FindingCode.DOMAIN_LOWERCASED);
        }
        if (upperLocal && lowercaseLocalPart) {
            repairs.add(FindingCode.LOCAL_PART_LOWERCASED);
        }
        if (!upperDomain && !(upperLocal && lowercaseLocalPart)) {
            return s;
        }
        // ASCII: the same as lower-casing each part with toLowerCase(Locale.ROOT), without its per-character lookups.
        byte[] bytes = s.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = lowercaseLocalPart ? 0 : at + 1; i < bytes.length; i++) {
            byte c = bytes[i];
            if (c >= 'A' && c <= 'Z') {
                bytes[i] = (byte) (c + ('a' - 'A'));
            }
        }
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** The domain's comma and dot repairs, then the case repairs: any address, Unicode included. */
    private String repairAndLowercase(String s, int at, Repairs repairs) {
        String local = s.substring(0, at);
        String domain = repairDomain(s.substring(at + 1), repairs);
        String lowerDomain = domain.toLowerCase(Locale.ROOT);
        if (!lowerDomain.equals(domain)) {
            repairs.add(FindingCode.DOMAIN_LOWERCASED);
        }
        // Compared in place: a substring of the domain only for this test would allocate per repair.
        boolean changed = lowerDomain.length() != s.length() - at - 1
                || !s.regionMatches(at + 1, lowerDomain, 0, lowerDomain.length());
        String newLocal = local;
        if (lowercaseLocalPart) {
            newLocal = local.toLowerCase(Locale.ROOT);
            if (!newLocal.equals(local)) {
                repairs.add(FindingCode.LOCAL_PART_LOWERCASED);
                changed = true;
            }
        }
        return changed ? ParsedAddress.join(newLocal, lowerDomain) : s;
    }

    /**
     * NFKC, except that it never makes a new dot: the three ideographic and fullwidth dots that UTS #46 reads as
     * dots become dots, while the other compatibility characters that fold to one ({@code ⒈} → {@code 1.},
     * {@code ․}, {@code …}) are left as they are, for the parser to refuse. Folding them would invent a label
     * ({@code ⒈wouldbeinvalid.com} is not {@code 1.wouldbeinvalid.com}).
     */
    static String foldCompatibility(String s) {
        StringBuilder out = null;
        int segment = 0;
        for (int i = 0; i < s.length(); i++) {
            int cp = s.codePointAt(i);
            if (foldsToDot(cp)) {
                out = out == null ? new StringBuilder(s.length()) : out;
                out.append(nfkc(s.substring(segment, i))).appendCodePoint(cp);
                segment = i + Character.charCount(cp);
                i = segment - 1;
            }
        }
        String folded = out == null ? nfkc(s) : out.append(nfkc(s.substring(segment))).toString();
        // NFKC folds U+FF0E to a dot and U+FF61, U+FE12 to U+3002: UTS #46 reads U+3002 as a dot too.
        return folded.replace('\u3002', '.');
    }

    private static String nfkc(String s) {
        return java.text.Normalizer.isNormalized(s, java.text.Normalizer.Form.NFKC) ? s
                : java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC);
    }

    /** Code points whose NFKC form holds a dot, other than the dots themselves (checked over all by a test). */
    static boolean foldsToDot(int cp) {
        return (cp >= 0x2024 && cp <= 0x2026) || (cp >= 0x2488 && cp <= 0x249B) || cp == 0x33C2 || cp == 0x33C7
                || cp == 0x33D8 || cp == 0xFE19 || cp == 0xFE30 || cp == 0xFE52 || cp == 0x1F100;
    }

    /**
     * A single allocation-free scan that answers whether {@link #normalize(String)} would return the input
     * unchanged with no repair: the common case of an address typed cleanly.
     */
    boolean isAlreadyNormal(String s) {
        int length = s.length();
        if (length == 0) {
            return true;
        }
        char first = s.charAt(0);
        char last = s.charAt(length - 1);
        if (isTrailingPunctuation(last) || startsWithMailto(s, 0, length)) {
            return false;
        }
        // The same conditions as the display-name and quote repairs in unwrap().
        if (last == '>') {
            int lt = lastIndexOf(s, '<', 0, length - 1);
            if (lt >= 0 && indexOf(s, '@', lt, length) >= 0) {
                return false;
            }
        }
        if (length >= 2 && isQuote(first) && isQuote(last)
                && indexOf(s, '@', 1, length - 1) >= 0 && indexOf(s, '"', 1, length - 1) < 0) {
            return false;
        }
        int at = s.lastIndexOf('@');
        char previous = 0;
        boolean comma = false;
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || isWhitespace(c)) {
                return false;
            }
            boolean inDomain = i > at && at >= 0;
            if (c >= 'A' && c <= 'Z' && (inDomain || lowercaseLocalPart)) {
                return false;
            }
            if (inDomain && c == '.' && previous == '.') {
                return false;
            }
            comma |= inDomain && c == ',';
            previous = c;
        }
        // A comma the repair leaves (apa,che.org) is already normal: the parser refuses it.
        if (comma) {
            String domain = s.substring(at + 1);
            return repairCommas(domain).equals(domain);
        }
        return true;
    }

    /**
     * Strips wrappers until none is left. Works on a window {@code [start, end)} of the string and copies once at
     * the end, so nested wrappers cost no allocation; each pass shrinks the window, so this terminates.
     */
    private static String unwrap(String s, Repairs repairs) {
        int start = 0;
        int end = s.length();
        while (true) {
            int before = end - start;

            int trimmedStart = start;
            int trimmedEnd = end;
            while (trimmedStart < trimmedEnd && isWhitespace(s.charAt(trimmedStart))) {
                trimmedStart++;
            }
            while (trimmedEnd > trimmedStart && isWhitespace(s.charAt(trimmedEnd - 1))) {
                trimmedEnd--;
            }
            if (trimmedStart != start || trimmedEnd != end) {
                repairs.add(FindingCode.TRIMMED);
                start = trimmedStart;
                end = trimmedEnd;
            }

            int punctuationEnd = end;
            while (punctuationEnd > start && isTrailingPunctuation(s.charAt(punctuationEnd - 1))) {
                punctuationEnd--;
            }
            if (punctuationEnd != end) {
                repairs.add(FindingCode.TRAILING_PUNCTUATION_REMOVED);
                end = punctuationEnd;
            }

            if (startsWithMailto(s, start, end)) {
                start += 7;
                int query = indexOf(s, '?', start, end);
                if (query >= 0) {
                    end = query;
                }
                repairs.add(FindingCode.MAILTO_REMOVED);
            }

            if (end > start && s.charAt(end - 1) == '>') {
                int lt = lastIndexOf(s, '<', start, end - 1);
                if (lt >= 0 && indexOf(s, '@', lt, end) >= 0) {
                    start = lt + 1;
                    end = end - 1;
                    repairs.add(FindingCode.DISPLAY_NAME_REMOVED);
                }
            }

            if (end - start >= 2 && isQuote(s.charAt(start)) && isQuote(s.charAt(end - 1))
                    && indexOf(s, '@', start + 1, end - 1) >= 0 && indexOf(s, '"', start + 1, end - 1) < 0) {
                start++;
                end--;
                repairs.add(FindingCode.QUOTES_REMOVED);
            }

            if (end - start == before) {
                return start == 0 && end == s.length() ? s : s.substring(start, end);
            }
        }
    }

    /** {@code mailto:} in any case at {@code start}; the first letter is tested alone, as it nearly always differs. */
    private static boolean startsWithMailto(String s, int start, int end) {
        return end - start >= 7 && (s.charAt(start) | 0x20) == 'm' && s.regionMatches(true, start, "mailto:", 0, 7);
    }

    private static int indexOf(String s, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(String s, char c, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private static String removeSpacesAroundSeparators(String s, Repairs repairs) {
        int at = s.lastIndexOf('@');
        if (at < 0 || !containsSpace(s)) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        boolean removed = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isSpace(c) && nextToSeparator(s, i, at)) {
                removed = true;
                continue;
            }
            out.append(c);
        }
        if (!removed) {
            return s;
        }
        repairs.add(FindingCode.SPACES_REMOVED);
        return out.toString();
    }

    /**
     * True if the space at {@code i} belongs to a run of spaces that touches the {@code @} at
     * {@code at}, or (in the domain) touches a dot or comma.
     */
    private static boolean nextToSeparator(String s, int i, int at) {
        int left = i;
        while (left > 0 && isSpace(s.charAt(left - 1))) {
            left--;
        }
        int right = i;
        while (right < s.length() - 1 && isSpace(s.charAt(right + 1))) {
            right++;
        }
        char before = left > 0 ? s.charAt(left - 1) : 0;
        char after = right < s.length() - 1 ? s.charAt(right + 1) : 0;
        if (left - 1 == at || right + 1 == at) {
            return true;
        }
        boolean inDomain = i > at;
        return inDomain && (before == '.' || before == ',' || after == '.' || after == ',');
    }

    private static String repairDomain(String domain, Repairs repairs) {
        String d = domain;
        if (d.indexOf(',') >= 0) {
            String repaired = repairCommas(d);
            if (!repaired.equals(d)) {
                d = repaired;
                repairs.add(FindingCode.COMMA_IN_DOMAIN_REPLACED);
            }
        }
        if (d.contains("..")) {
            StringBuilder out = new StringBuilder(d.length());
            for (int i = 0; i < d.length(); i++) {
                char c = d.charAt(i);
                if (c == '.' && out.length() > 0 && out.charAt(out.length() - 1) == '.') {
                    continue;
                }
                out.append(c);
            }
            d = out.toString();
            repairs.add(FindingCode.REPEATED_DOTS_IN_DOMAIN_FIXED);
        }
        return d;
    }

    /**
     * A comma becomes a dot only where that is certain: the comma stands before the public suffix ({@code gmail,com},
     * {@code yahoo,com,mx}, {@code une,net,co}), or reading every comma as a dot gives a known mailbox domain.
     * Elsewhere ({@code apa,che.org}, {@code gmai,l.com}) the comma stays, the parser refuses it, and the validator
     * offers a suggestion to confirm when one is clear: a dot there would invent a new domain.
     */
    static String repairCommas(String domain) {
        String lower = domain.toLowerCase(Locale.ROOT);
        String dotted = lower.replace(',', '.');
        if (!dotted.isEmpty() && dotted.charAt(0) != '.' && KnownDomains.bundled().contains(dotted)) {
            return domain.replace(',', '.');
        }
        StringBuilder out = null;
        for (int i = domain.indexOf(','); i >= 0; i = domain.indexOf(',', i + 1)) {
            int restStart = i + 1;
            while (restStart < dotted.length() && dotted.charAt(restStart) == '.') {
                restStart++; // gmail,,com and gmail,.com: the repeated dots are collapsed next
            }
            if (i > 0 && PublicSuffixes.bundled().isSuffix(dotted.substring(restStart))) {
                out = out == null ? new StringBuilder(domain) : out;
                out.setCharAt(i, '.');
            }
        }
        return out == null ? domain : out.toString();
    }

    static boolean isAscii(String s) {
        return isAscii(s, 0, s.length());
    }

    static boolean isAscii(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code s[from, to)} is ASCII without upper-case letters, so that {@code toLowerCase(Locale.ROOT)} would
     * leave it as it is: one cheap scan instead of the JDK's per-character case tables.
     */
    static boolean isLowerCaseAscii(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || (c >= 'A' && c <= 'Z')) {
                return false;
            }
        }
        return true;
    }

    /** Characters that render as nothing and are never part of a real address. */
    static boolean isInvisible(char c) {
        return c == '\u00AD'                       // soft hyphen
                || c == '\u180E'                   // Mongolian vowel separator
                || (c >= '\u200B' && c <= '\u200F') // zero-width space/non-joiner/joiner, LRM, RLM
                || (c >= '\u202A' && c <= '\u202E') // bidi embeddings and overrides
                || (c >= '\u2060' && c <= '\u2064') // word joiner, invisible operators
                || (c >= '\u2066' && c <= '\u2069') // bidi isolates
                || c == '\uFEFF';                  // BOM / zero-width no-break space
    }

    private static String removeInvisible(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isInvisible(c)) {
                if (out == null) {
                    out = new StringBuilder(s.length());
                    out.append(s, 0, i);
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B
                || (c >= 0x80 && (Character.isWhitespace(c) || Character.isSpaceChar(c)));
    }

    /**
     * Spaces (ASCII and Unicode space separators) but not control characters: a tab or line break inside an address
     * is refused by the parser rather than silently removed.
     */
    static boolean isSpace(char c) {
        return c == ' ' || (c >= 0x80 && Character.isSpaceChar(c));
    }

    private static boolean containsSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isSpace(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTrailingPunctuation(char c) {
        return c == ';' || c == ',' || c == '.';
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'' || c == '\u201C' || c == '\u201D' || c == '\u2018' || c == '\u2019'
                || c == '\u00AB' || c == '\u00BB' || c == '\u201E';
    }

    /**
     * The repair findings, one shared instance per code: they are immutable and have no parameters, so each
     * repaired address need not build its own (and the copy of their empty parameter map).
     */
    private static final Finding[] REPAIR_FINDINGS = Arrays.stream(new FindingCode[] {
        FindingCode.COMMA_IN_DOMAIN_REPLACED, FindingCode.DISPLAY_NAME_REMOVED, FindingCode.DOMAIN_LOWERCASED,
        FindingCode.INVISIBLE_CHARACTERS_REMOVED, FindingCode.LOCAL_PART_LOWERCASED, FindingCode.MAILTO_REMOVED,
        FindingCode.QUOTES_REMOVED, FindingCode.REPEATED_DOTS_IN_DOMAIN_FIXED, FindingCode.SPACES_REMOVED,
        FindingCode.TRAILING_PUNCTUATION_REMOVED, FindingCode.TRIMMED, FindingCode.UNICODE_NORMALIZED,
    }).map(code -> Finding.of(code, Severity.INFO)).toArray(Finding[]::new);

    private static Finding repairFinding(FindingCode code) {
        for (Finding f : REPAIR_FINDINGS) {
            if (f.code() == code) { // the constants above
                return f;
            }
        }
        return Finding.of(code, Severity.INFO);
    }

    /**
     * Collects each kind of repair once, in first-seen order, without allocating when there is none. Kept in an
     * array and returned as an immutable list, which {@link Normalization} then keeps without copying.
     */
    private static final class Repairs {
        private Finding[] found;
        private int size;

        void add(FindingCode code) {
            if (found == null) {
                found = new Finding[4];
            }
            for (int i = 0; i < size; i++) {
                if (found[i].code().equals(code)) {
                    return;
                }
            }
            if (size == found.length) {
                found = Arrays.copyOf(found, 2 * size);
            }
            found[size++] = repairFinding(code);
        }

        List<Finding> list() {
            return switch (size) {
                case 0 -> List.of();
                case 1 -> List.of(found[0]);
                case 2 -> List.of(found[0], found[1]);
                default -> List.of(Arrays.copyOf(found, size));
            };
        }
    }
}
