package io.github.customeremail.unicode;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.Normalizer2;

/**
 * The IDNA 2008 derived property of a code point (RFC 5892 section 2 and 3), computed from ICU4J's Unicode
 * properties: the reference for what {@code idna-table.txt.gz} marks PVALID or CONTEXTO.
 */
public final class Rfc5892 {

    /** The derived property values. */
    public enum Property { PVALID, CONTEXTJ, CONTEXTO, DISALLOWED, UNASSIGNED }

    private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();

    private Rfc5892() {
    }

    /** @return the derived property of {@code cp}, by the rules of RFC 5892 section 3 in their order */
    public static Property of(int cp) {
        Property exception = exception(cp);
        if (exception != null) {
            return exception;
        }
        int type = UCharacter.getType(cp);
        if (type == UCharacterCategory.UNASSIGNED && !UCharacter.hasBinaryProperty(cp, UProperty.NONCHARACTER_CODE_POINT)) {
            return Property.UNASSIGNED;
        }
        if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || cp == '-') {
            return Property.PVALID;
        }
        if (UCharacter.hasBinaryProperty(cp, UProperty.JOIN_CONTROL)) {
            return Property.CONTEXTJ;
        }
        String s = UCharacter.toString(cp);
        if (!NFKC_CASEFOLD.normalize(s).equals(s)) {
            return Property.DISALLOWED; // Unstable
        }
        if (UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT)
                || UCharacter.hasBinaryProperty(cp, UProperty.WHITE_SPACE)
                || UCharacter.hasBinaryProperty(cp, UProperty.NONCHARACTER_CODE_POINT)) {
            return Property.DISALLOWED; // IgnorableProperties
        }
        UCharacter.UnicodeBlock block = UCharacter.UnicodeBlock.of(cp);
        if (block == UCharacter.UnicodeBlock.COMBINING_MARKS_FOR_SYMBOLS
                || block == UCharacter.UnicodeBlock.MUSICAL_SYMBOLS
                || block == UCharacter.UnicodeBlock.ANCIENT_GREEK_MUSICAL_NOTATION) {
            return Property.DISALLOWED; // IgnorableBlocks
        }
        int hangul = UCharacter.getIntPropertyValue(cp, UProperty.HANGUL_SYLLABLE_TYPE);
        if (hangul == UCharacter.HangulSyllableType.LEADING_JAMO || hangul == UCharacter.HangulSyllableType.VOWEL_JAMO
                || hangul == UCharacter.HangulSyllableType.TRAILING_JAMO) {
            return Property.DISALLOWED; // OldHangulJamo
        }
        if (type == UCharacterCategory.LOWERCASE_LETTER || type == UCharacterCategory.UPPERCASE_LETTER
                || type == UCharacterCategory.OTHER_LETTER || type == UCharacterCategory.DECIMAL_DIGIT_NUMBER
                || type == UCharacterCategory.MODIFIER_LETTER || type == UCharacterCategory.NON_SPACING_MARK
                || type == UCharacterCategory.COMBINING_SPACING_MARK) {
            return Property.PVALID; // LetterDigits
        }
        return Property.DISALLOWED;
    }

    /** RFC 5892 section 2.6 (Exceptions), plus the Arabic-Indic digits that appendix A gives context rules. */
    private static Property exception(int cp) {
        switch (cp) {
            case 0x00DF, 0x03C2, 0x06FD, 0x06FE, 0x0F0B, 0x3007:
                return Property.PVALID;
            case 0x00B7, 0x0375, 0x05F3, 0x05F4, 0x30FB:
                return Property.CONTEXTO;
            case 0x0640, 0x07FA, 0x302E, 0x302F, 0x3031, 0x3032, 0x3033, 0x3034, 0x3035, 0x303B:
                return Property.DISALLOWED;
            default:
                return null;
        }
    }
}
