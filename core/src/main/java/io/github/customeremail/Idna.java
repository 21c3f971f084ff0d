package io.github.customeremail;

import java.util.List;

/**
 * Internationalized domain labels by UTS #46 (non-transitional, STD3 rules, CheckHyphens, CheckBidi, CheckJoiners)
 * restricted to what IDNA 2008 (RFC 5891, 5892, 5893) allows: a label is mapped through the bundled
 * {@link IdnaTable}, put in NFC, and then every code point must be PVALID or pass its context rule. So {@code ¡},
 * {@code €}, {@code £} (valid in IDNA 2003 and UTS #46, not in IDNA 2008) are refused, and no mapping can create a
 * label separator: the parser splits on dots first, and a mapping to a dot is disallowed here. ICU4J's
 * {@code IDNA.getUTS46Instance} is the reference the tests compare this with, over every code point.
 *
 * <p>Code points the running JDK does not know (added to Unicode after its version) are refused: NFC and the
 * script and direction properties used here come from the JDK. Stateless.
 */
final class Idna {

    static final String ACE_PREFIX = "xn--";

    private Idna() {
    }

    /**
     * @param label one label with at least one non-ASCII character, any case
     * @return its ASCII form (an A-label, or plain LDH when the mapping made it ASCII), or {@code null} if it is not
     *         a valid IDNA 2008 label
     */
    static String toAscii(String label) {
        String unicode = toUnicode(label);
        if (unicode == null) {
            return null;
        }
        if (Normalizer.isAscii(unicode)) {
            return ldh(unicode) ? unicode : null;
        }
        String encoded = Punycode.encode(unicode);
        return encoded == null ? null : ACE_PREFIX + encoded;
    }

    /**
     * @param label one label, any case, Unicode or not
     * @return the label mapped, in NFC and checked (a U-label, or an LDH label when all ASCII), or {@code null}
     */
    static String toUnicode(String label) {
        IdnaTable table = IdnaTable.bundled();
        StringBuilder mapped = new StringBuilder(label.length());
        for (int i = 0; i < label.length(); ) {
            int cp = label.codePointAt(i);
            i += Character.charCount(cp);
            if ((cp >= 0xD800 && cp <= 0xDFFF) || !Character.isDefined(cp)) {
                return null;
            }
            byte kind = table.kind(cp);
            if (kind == IdnaTable.VALID || kind == IdnaTable.CONTEXT) {
                mapped.appendCodePoint(cp);
            } else if (kind == IdnaTable.MAPPED) {
                mapped.append(table.mapping(cp));
            } else if (kind != IdnaTable.IGNORED) {
                return null;
            }
        }
        String nfc = java.text.Normalizer.normalize(mapped, java.text.Normalizer.Form.NFC);
        if (nfc.regionMatches(true, 0, ACE_PREFIX, 0, 4)) {
            return Normalizer.isAscii(nfc) ? fromAce(nfc.toLowerCase(java.util.Locale.ROOT)) : null;
        }
        return valid(nfc) ? nfc : null;
    }

    /**
     * @param aceLabel a lower-case ASCII label starting with {@code xn--}
     * @return the U-label it encodes, or {@code null} when the Punycode is broken, decodes to ASCII only, or to a
     *         label that is not a valid U-label (or not the one that encodes back to it)
     */
    static String fromAce(String aceLabel) {
        String decoded = Punycode.decode(aceLabel.substring(ACE_PREFIX.length()));
        if (decoded == null || decoded.isEmpty() || Normalizer.isAscii(decoded) || !valid(decoded)
                || !java.text.Normalizer.isNormalized(decoded, java.text.Normalizer.Form.NFC)) {
            return null;
        }
        IdnaTable table = IdnaTable.bundled();
        for (int i = 0; i < decoded.length(); ) {
            int cp = decoded.codePointAt(i);
            i += Character.charCount(cp);
            byte kind = table.kind(cp);
            if (kind != IdnaTable.VALID && kind != IdnaTable.CONTEXT) {
                return null; // an A-label must hold the mapped form: upper case or a compatibility form is refused
            }
        }
        String back = Punycode.encode(decoded);
        return back != null && aceLabel.equals(ACE_PREFIX + back) ? decoded : null;
    }

    /** The UTS #46 validity criteria (section 4.1) and the IDNA 2008 context rules, on an NFC label. */
    private static boolean valid(String label) {
        int length = label.length();
        if (length == 0 || label.charAt(0) == '-' || label.charAt(length - 1) == '-'
                || (length >= 4 && label.charAt(2) == '-' && label.charAt(3) == '-')) {
            return false;
        }
        int first = label.codePointAt(0);
        int firstType = Character.getType(first);
        if (firstType == Character.NON_SPACING_MARK || firstType == Character.COMBINING_SPACING_MARK
                || firstType == Character.ENCLOSING_MARK) {
            return false;
        }
        IdnaTable table = IdnaTable.bundled();
        boolean arabicIndic = false;
        boolean extendedArabicIndic = false;
        int previous = -1;
        for (int i = 0; i < length; ) {
            int cp = label.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isDefined(cp)) {
                return false;
            }
            byte kind = table.kind(cp);
            if (kind == IdnaTable.CONTEXT && !contextAllows(cp, previous, i < length ? label.codePointAt(i) : -1,
                    label)) {
                return false;
            } else if (kind != IdnaTable.VALID && kind != IdnaTable.CONTEXT) {
                return false;
            }
            arabicIndic |= cp >= 0x0660 && cp <= 0x0669;
            extendedArabicIndic |= cp >= 0x06F0 && cp <= 0x06F9;
            previous = cp;
        }
        return !(arabicIndic && extendedArabicIndic); // RFC 5892 A.8, A.9: one set of Arabic digits per label
    }

    /** RFC 5892 appendix A, the CONTEXTO rules. */
    private static boolean contextAllows(int cp, int before, int after, String label) {
        switch (cp) {
            case 0x00B7: // MIDDLE DOT, Catalan l·l
                return before == 'l' && after == 'l';
            case 0x0375: // GREEK LOWER NUMERAL SIGN (KERAIA)
                return after >= 0 && Character.UnicodeScript.of(after) == Character.UnicodeScript.GREEK;
            case 0x05F3: // HEBREW PUNCTUATION GERESH
            case 0x05F4: // HEBREW PUNCTUATION GERSHAYIM
                return before >= 0 && Character.UnicodeScript.of(before) == Character.UnicodeScript.HEBREW;
            case 0x30FB: // KATAKANA MIDDLE DOT
                for (int i = 0; i < label.length(); ) {
                    int c = label.codePointAt(i);
                    i += Character.charCount(c);
                    Character.UnicodeScript script = Character.UnicodeScript.of(c);
                    if (c != 0x30FB && (script == Character.UnicodeScript.HIRAGANA
                            || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HAN)) {
                        return true;
                    }
                }
                return false;
            default:
                return false;
        }
    }

    /**
     * RFC 5893, the Bidi rule: when any label of the domain has a right-to-left character, every label must keep a
     * single direction.
     *
     * @param labels the domain's labels in Unicode form (ASCII labels as they are)
     * @return whether the domain passes
     */
    static boolean bidiAllows(List<String> labels) {
        boolean bidiDomain = false;
        for (String label : labels) {
            for (int i = 0; i < label.length() && !bidiDomain; ) {
                int cp = label.codePointAt(i);
                i += Character.charCount(cp);
                byte d = Character.getDirectionality(cp);
                bidiDomain = d == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                        || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC
                        || d == Character.DIRECTIONALITY_ARABIC_NUMBER;
            }
        }
        if (!bidiDomain) {
            return true;
        }
        for (String label : labels) {
            if (!bidiLabel(label)) {
                return false;
            }
        }
        return true;
    }

    private static boolean bidiLabel(String label) {
        byte first = Character.getDirectionality(label.codePointAt(0));
        boolean rtl = first == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                || first == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
        if (!rtl && first != Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
            return false; // rule 1
        }
        boolean europeanNumber = false;
        boolean arabicNumber = false;
        byte last = -1; // the last direction that is not a non-spacing mark
        for (int i = 0; i < label.length(); ) {
            int cp = label.codePointAt(i);
            i += Character.charCount(cp);
            byte d = Character.getDirectionality(cp);
            boolean common = d == Character.DIRECTIONALITY_EUROPEAN_NUMBER
                    || d == Character.DIRECTIONALITY_EUROPEAN_NUMBER_SEPARATOR
                    || d == Character.DIRECTIONALITY_COMMON_NUMBER_SEPARATOR
                    || d == Character.DIRECTIONALITY_EUROPEAN_NUMBER_TERMINATOR
                    || d == Character.DIRECTIONALITY_OTHER_NEUTRALS
                    || d == Character.DIRECTIONALITY_BOUNDARY_NEUTRAL
                    || d == Character.DIRECTIONALITY_NONSPACING_MARK;
            boolean allowed = rtl
                    ? common || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                            || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC
                            || d == Character.DIRECTIONALITY_ARABIC_NUMBER
                    : common || d == Character.DIRECTIONALITY_LEFT_TO_RIGHT;
            if (!allowed) {
                return false; // rules 2 and 5
            }
            europeanNumber |= d == Character.DIRECTIONALITY_EUROPEAN_NUMBER;
            arabicNumber |= d == Character.DIRECTIONALITY_ARABIC_NUMBER;
            if (d != Character.DIRECTIONALITY_NONSPACING_MARK) {
                last = d;
            }
        }
        if (rtl) {
            return (last == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                    || last == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC
                    || last == Character.DIRECTIONALITY_EUROPEAN_NUMBER
                    || last == Character.DIRECTIONALITY_ARABIC_NUMBER)
                    && !(europeanNumber && arabicNumber); // rules 3 and 4
        }
        return last == Character.DIRECTIONALITY_LEFT_TO_RIGHT
                || last == Character.DIRECTIONALITY_EUROPEAN_NUMBER; // rule 6
    }

    private static boolean ldh(String label) {
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
                return false;
            }
        }
        return true;
    }
}
