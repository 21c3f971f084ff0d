package io.github.customeremail;

import java.util.Set;

/**
 * Where a domain's public suffix starts, so that the typo corrector compares names with names and suffixes with
 * suffixes ({@code hotmail.com.ar} is the name {@code hotmail} under {@code com.ar}, not the name {@code com}).
 *
 * <p>Top-level domains come from the bundled IANA list. Second-level suffixes are a small curated list written
 * here (not the Mozilla Public Suffix List, which would be a runtime data dependency): the registries our users
 * meet (Latin America, Spain, Brazil, the big English-speaking and Asian ones). Besides that list, any
 * {@code com|net|org|edu|gob|gov|mil|co|ac|nom}{@code .xx} with a two-letter country code counts as a suffix,
 * because most country registries offer those and a typed {@code com.v} or {@code com.bt} is still meant as one.
 */
final class PublicSuffixes {

    /** Second-level registrations that are not of the generic {@code com.xx} shape, or are too common to miss. */
    private static final StringTable<String> SECOND_LEVEL = StringTable.of(Set.of(
            // Colombia, Mexico, Argentina, Chile, Peru, Venezuela, Ecuador, Uruguay, Bolivia, Paraguay
            "com.co", "net.co", "org.co", "edu.co", "gov.co", "mil.co", "nom.co",
            "com.mx", "net.mx", "org.mx", "edu.mx", "gob.mx",
            "com.ar", "net.ar", "org.ar", "edu.ar", "gob.ar", "gov.ar", "int.ar",
            "gob.cl", "com.pe", "net.pe", "org.pe", "edu.pe", "gob.pe", "nom.pe",
            "com.ve", "net.ve", "gob.ve", "com.ec", "gob.ec", "com.uy", "gub.uy", "com.bo", "com.py",
            // Central America and the Caribbean
            "com.gt", "com.sv", "com.hn", "com.ni", "co.cr", "com.pa", "com.do", "com.cu", "com.pr",
            // Spain, Portugal, Brazil
            "com.es", "org.es", "nom.es", "gob.es", "edu.es", "com.pt",
            "com.br", "net.br", "org.br", "gov.br", "edu.br",
            // English-speaking and Asian registries customers also come from
            "co.uk", "org.uk", "ac.uk", "gov.uk", "me.uk", "com.au", "net.au", "org.au", "edu.au",
            "co.nz", "co.za", "co.in", "co.jp", "ne.jp", "ac.jp", "co.kr", "co.id", "co.th", "co.il",
            "com.cn", "com.hk", "com.tw", "com.sg", "com.my", "com.ph", "com.vn", "com.tr"));

    /** First labels of a second-level suffix under a country code ({@code com.xx}, {@code gob.xx}...). */
    private static final StringTable<String> GENERIC_SECOND_LABELS =
            StringTable.of(Set.of("com", "net", "org", "edu", "gob", "gov", "mil", "co", "ac", "nom"));

    private final TopLevelDomains tlds;

    PublicSuffixes(TopLevelDomains tlds) {
        this.tlds = tlds;
    }

    static PublicSuffixes bundled() {
        return Holder.BUNDLED;
    }

    /** @return whether {@code tld} (lower-case ASCII, one label) exists in the IANA list */
    boolean tldExists(String tld) {
        return tlds.exists(tld);
    }

    /**
     * @param domain a lower-case domain with at least one dot
     * @return the index in {@code domain} where its public suffix starts (after the dot); the suffix may be one
     *         whose top-level domain does not exist ({@code con}) — callers check that with {@link #legitimate}
     */
    int suffixStart(String domain) {
        // Labels are looked at in place (no substrings): this runs for every domain that is not known.
        int end = domain.length();
        int last = domain.lastIndexOf('.');
        if (last < 0) {
            return 0;
        }
        int previous = last > 0 ? domain.lastIndexOf('.', last - 1) : -1;
        if (previous > 0) { // there is a name before a possible two-label suffix
            // com.xx is a suffix for a country code xx, and also when xx is no TLD at all (com.brr, com.v): the
            // typist meant a country code there, so the name is the label before com.
            boolean countryLike = end - last - 1 == 2 || !tlds.exists(domain, last + 1, end);
            if (SECOND_LEVEL.contains(domain, previous + 1, end)
                    || (countryLike && GENERIC_SECOND_LABELS.contains(domain, previous + 1, last))) {
                return previous + 1;
            }
        }
        return last + 1;
    }

    /**
     * @param suffix lower-case labels, e.g. {@code com}, {@code com.mx}, {@code net.co}
     * @return whether {@code suffix} is itself a whole public suffix: an existing top-level domain, or a second-level
     *         suffix of the curated list or of the generic {@code com.xx} shape under an existing country code
     */
    boolean isSuffix(String suffix) {
        int dot = suffix.indexOf('.');
        if (dot < 0) {
            return tlds.exists(suffix);
        }
        if (dot == 0 || suffix.indexOf('.', dot + 1) >= 0 || !tlds.exists(suffix, dot + 1, suffix.length())) {
            return false;
        }
        return SECOND_LEVEL.contains(suffix, 0, suffix.length())
                || (suffix.length() - dot - 1 == 2 && GENERIC_SECOND_LABELS.contains(suffix, 0, dot));
    }

    /** @return whether a suffix (one or two labels) could really be registered under: its TLD exists */
    boolean legitimate(String suffix) {
        return legitimate(suffix, 0, suffix.length());
    }

    /** {@link #legitimate(String)} of the suffix {@code s[from, to)}, without a substring. */
    boolean legitimate(String s, int from, int to) {
        int dot = s.lastIndexOf('.', to - 1);
        return tlds.exists(s, dot < from ? from : dot + 1, to);
    }

    private static final class Holder {
        static final PublicSuffixes BUNDLED = new PublicSuffixes(TopLevelDomains.bundled());
    }
}
