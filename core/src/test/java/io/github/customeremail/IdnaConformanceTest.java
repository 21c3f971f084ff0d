package io.github.customeremail;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.IDNA;
import io.github.customeremail.unicode.Rfc5892;
import io.github.customeremail.unicode.UnicodeDataGenerator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Idna} against ICU4J's UTS #46 over every code point: for each, a label made of it alone and one with it
 * between letters (where a combining mark may stand), converted by both. The expected answer is ICU's (non-transitional, STD3 rules, CheckBidi,
 * CheckJoiners, CONTEXTO) narrowed by IDNA 2008: every code point of ICU's Unicode result must be PVALID or
 * CONTEXTO by RFC 5892 ({@link Rfc5892}, from ICU's properties), with the deliberate refusals of this library: the
 * deviation characters ß, ς, ZWJ, ZWNJ, and code points the running JDK does not know.
 */
class IdnaConformanceTest {

    private static final IDNA ICU = IDNA.getUTS46Instance(IDNA.USE_STD3_RULES | IDNA.NONTRANSITIONAL_TO_ASCII
            | IDNA.NONTRANSITIONAL_TO_UNICODE | IDNA.CHECK_BIDI | IDNA.CHECK_CONTEXTJ | IDNA.CHECK_CONTEXTO);

    @Test
    void theBundledTableIsTheOneTheGeneratorMakesFromThisIcu() {
        IdnaTable table = IdnaTable.bundled();
        List<String> differences = new ArrayList<>();
        for (int cp = 0; cp <= Character.MAX_CODE_POINT && differences.size() < 20; cp++) {
            String expected = UnicodeDataGenerator.kind(cp);
            byte kind = table.kind(cp);
            String actual = kind == IdnaTable.MAPPED ? "M" + mappingHex(table.mapping(cp)) : String.valueOf((char) kind);
            if (!expected.equals(actual)) {
                differences.add(Integer.toHexString(cp) + ": table " + actual + ", ICU " + expected);
            }
        }
        assertThat(differences).as("run core/scripts/refresh-unicode-data.sh").isEmpty();
    }

    @Test
    void everyCodePointIsConvertedAsIcuWithIdna2008Does() {
        List<String> differences = new ArrayList<>();
        int compared = 0;
        int accepted = 0;
        for (int cp = 0x80; cp <= Character.MAX_CODE_POINT; cp++) {
            if (cp >= 0xD800 && cp <= 0xDFFF) {
                continue;
            }
            String c = new String(Character.toChars(cp));
            for (String label : new String[] {c, "x" + c + "y"}) {
                String expected = reference(label);
                String actual = Idna.toAscii(label);
                if (actual != null && !Idna.bidiAllows(List.of(Idna.toUnicode(label), "com"))) {
                    actual = null;
                }
                compared++;
                if (expected != null) {
                    accepted++;
                }
                if (!java.util.Objects.equals(expected, actual) && differences.size() < 30) {
                    differences.add(String.format("U+%04X in '%s': ICU+IDNA2008 %s, ours %s", cp, label, expected,
                            actual));
                }
            }
        }
        System.out.println("IDNA conformance: " + compared + " labels compared with ICU4J, " + accepted
                + " accepted");
        assertThat(differences).isEmpty();
    }

    @Test
    void everyAcceptedALabelDecodesBackToItsULabel() {
        List<String> differences = new ArrayList<>();
        for (int cp = 0x80; cp <= Character.MAX_CODE_POINT; cp++) {
            if (cp >= 0xD800 && cp <= 0xDFFF) {
                continue;
            }
            String label = "a" + new String(Character.toChars(cp));
            String ascii = Idna.toAscii(label);
            if (ascii == null || !ascii.startsWith("xn--")) {
                continue;
            }
            String unicode = Idna.fromAce(ascii);
            StringBuilder icu = new StringBuilder();
            IDNA.Info info = new IDNA.Info();
            ICU.labelToUnicode(ascii, icu, info);
            java.util.Set<IDNA.Error> errors = java.util.EnumSet.noneOf(IDNA.Error.class);
            errors.addAll(info.getErrors());
            errors.remove(IDNA.Error.BIDI); // the Bidi rule is for whole domains: the parser checks it there
            if (unicode == null || !unicode.equals(icu.toString()) || !errors.isEmpty()) {
                differences.add(ascii + ": ours " + unicode + ", ICU " + icu + " " + info.getErrors());
            }
        }
        assertThat(differences).isEmpty();
    }

    /** ICU's A-label for {@code label + ".com"}, or null when ICU or the IDNA 2008 narrowing refuses it. */
    private static String reference(String label) {
        StringBuilder ascii = new StringBuilder();
        IDNA.Info info = new IDNA.Info();
        ICU.nameToASCII(label + ".com", ascii, info);
        if (info.hasErrors()) {
            return null;
        }
        StringBuilder unicode = new StringBuilder();
        IDNA.Info back = new IDNA.Info();
        ICU.nameToUnicode(label + ".com", unicode, back);
        String u = unicode.substring(0, unicode.length() - 4);
        if (u.indexOf('.') >= 0) {
            return null;
        }
        for (int i = 0; i < u.length(); ) {
            int cp = u.codePointAt(i);
            i += Character.charCount(cp);
            Rfc5892.Property p = Rfc5892.of(cp);
            if ((p != Rfc5892.Property.PVALID && p != Rfc5892.Property.CONTEXTO) || cp == 0xDF || cp == 0x3C2
                    || !Character.isDefined(cp)) {
                return null;
            }
        }
        for (int i = 0; i < label.length(); ) {
            int cp = label.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isDefined(cp)) {
                return null;
            }
        }
        return ascii.substring(0, ascii.length() - 4);
    }

    private static String mappingHex(String mapping) {
        StringBuilder m = new StringBuilder();
        mapping.codePoints().forEach(c -> m.append(' ').append(Integer.toHexString(c)));
        return m.toString();
    }
}
