package io.github.customeremail;

/**
 * A small curated map of Cyrillic and Greek letters (and a few Latin variants) that look like plain Latin letters
 * in most fonts, after the normalizer's NFKC and lower-casing. Enough to unmask {@code gmаil.com} (Cyrillic а);
 * not the whole Unicode confusables table, which would be a large data dependency for names customers never type.
 */
final class Confusables {

    private static final String FROM =
            // Cyrillic: а е о р с у х і ј ѕ ԁ һ ӏ ԛ ԝ ь(b-like) ѵ
            "\u0430\u0435\u043E\u0440\u0441\u0443\u0445\u0456\u0458\u0455\u0501\u04BB\u04CF\u051B\u051D\u044C\u0475"
            // Greek: α ο ι κ ν ρ τ υ χ ϲ
            + "\u03B1\u03BF\u03B9\u03BA\u03BD\u03C1\u03C4\u03C5\u03C7\u03F2"
            // Latin look-alikes: dotless ı, script ɡ, ɑ
            + "\u0131\u0261\u0251";
    private static final String TO = "aeopcyxijsdhlqwbv" + "aoikvptuxc" + "iga";

    private Confusables() {
    }

    /**
     * @param unicodeDomain a lower-case domain in Unicode form
     * @return the domain with every look-alike replaced by its Latin letter, or {@code null} when that does not
     *         give a plain ASCII domain (a genuine international name such as {@code bücher.de}) or changes nothing
     */
    static String toLatin(String unicodeDomain) {
        StringBuilder out = null;
        for (int i = 0; i < unicodeDomain.length(); i++) {
            char c = unicodeDomain.charAt(i);
            if (c < 0x80) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            int k = FROM.indexOf(c);
            if (k < 0) {
                return null;
            }
            if (out == null) {
                out = new StringBuilder(unicodeDomain.length()).append(unicodeDomain, 0, i);
            }
            out.append(TO.charAt(k));
        }
        return out == null ? null : out.toString();
    }
}
