package io.github.customeremail;

import java.net.IDN;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An immutable set of domains, each matching itself and all its subdomains: {@code tumatera.com} matches
 * {@code tumatera.com} and {@code ventas.tumatera.com}, never {@code nottumatera.com} nor {@code tumatera.com.co}.
 * Entries are stored in {@linkplain #canonical(String) canonical form}; a lookup costs one hash probe per label of
 * the address's domain.
 */
final class DomainSet {

    static final DomainSet EMPTY = new DomainSet(Map.of());

    /**
     * Canonical (lower-case A-label) form → form shown in messages (Unicode for internationalized names), looked up
     * by a region of the address's domain: a suffix per label, without a substring each.
     */
    private final StringTable<String> entries;
    private final int size;

    private DomainSet(Map<String, String> entries) {
        this.entries = new StringTable<>(entries);
        this.size = entries.size();
    }

    /**
     * @param canonicalDomains domains already in {@linkplain #canonical(String) canonical form}
     * @return the set
     * @throws IllegalArgumentException if one has a single label ({@link #match} never looks a TLD up alone)
     */
    static DomainSet of(Collection<String> canonicalDomains) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String d : canonicalDomains) {
            if (d.indexOf('.') < 0) {
                throw new IllegalArgumentException("not a canonical domain of two labels or more: " + d);
            }
            map.put(d, d.contains("xn--") ? IDN.toUnicode(d) : d);
        }
        return map.isEmpty() ? EMPTY : new DomainSet(map);
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /**
     * @param asciiDomain a domain as in {@link ParsedAddress#domain()}: lower-case ASCII, no trailing dot
     * @return the entry it equals or is a subdomain of (in display form), or {@code null}
     */
    String match(String asciiDomain) {
        return match(asciiDomain, 0);
    }

    /** {@link #match(String)} of the domain {@code s[from, end)}, e.g. of an address with {@code from} after the @. */
    String match(String s, int from) {
        int end = s.length();
        String hit = entries.get(s, from, end);
        if (hit != null) {
            return hit;
        }
        for (int dot = s.indexOf('.', from), next; dot >= 0; dot = next) {
            next = s.indexOf('.', dot + 1);
            if (next < 0) {
                break; // entries have two labels or more (see canonical): a TLD alone is never one
            }
            hit = entries.get(s, dot + 1, end);
            if (hit != null) {
                return hit;
            }
        }
        return null;
    }

    /** {@link #match(String)} of the domain of {@code address}, read in place. */
    String match(ParsedAddress address) {
        return match(address.address(), address.at() + 1);
    }

    /**
     * Brings a configured domain into the form addresses are compared in: surrounding spaces and one trailing dot
     * removed, Unicode compatibility forms folded (NFKC, as the normalizer does), lower-cased, internationalized
     * labels converted to A-labels ({@code xn--}).
     *
     * @param value a domain as written in configuration, e.g. {@code " TumaTera.COM. "} or {@code "cañón.com"}
     * @return the canonical form, e.g. {@code tumatera.com}
     * @throws IllegalArgumentException saying what is wrong when the value is not a domain name with at least two
     *                                  labels
     */
    static String canonical(String value) {
        if (value == null) {
            throw new IllegalArgumentException("a domain is missing (null)");
        }
        String s = value.strip();
        if (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.isEmpty()) {
            throw new IllegalArgumentException("a domain is empty");
        }
        if (s.indexOf('@') >= 0 || s.startsWith("*")) {
            throw new IllegalArgumentException("\"" + value + "\" is not a domain: write the domain alone, "
                    + "e.g. tumatera.com (its subdomains are included)");
        }
        if (!Normalizer.isAscii(s)) {
            s = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC);
        }
        s = s.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(s.length() + 8);
        String[] labels = s.split("\\.", -1);
        if (labels.length < 2) {
            throw new IllegalArgumentException("\"" + value + "\" is not a complete domain: it needs an ending "
                    + "such as .com or .co");
        }
        for (String label : labels) {
            if (label.isEmpty()) {
                throw new IllegalArgumentException("\"" + value + "\" is not a domain: it has an empty label");
            }
            String ascii = label;
            if (!Normalizer.isAscii(label)) {
                try {
                    ascii = IDN.toASCII(label, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("\"" + value + "\" is not a valid international domain name",
                            e);
                }
            }
            checkLdh(value, ascii);
            if (out.length() > 0) {
                out.append('.');
            }
            out.append(ascii);
        }
        if (out.length() > AddressParser.MAX_DOMAIN_LENGTH) {
            throw new IllegalArgumentException("\"" + value + "\" is longer than a domain can be");
        }
        return out.toString();
    }

    private static void checkLdh(String value, String label) {
        if (label.isEmpty() || label.length() > AddressParser.MAX_LABEL_LENGTH) {
            throw new IllegalArgumentException("\"" + value + "\" is not a domain: a label is empty or longer than "
                    + AddressParser.MAX_LABEL_LENGTH + " characters");
        }
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
                throw new IllegalArgumentException("\"" + value + "\" is not a domain: character '" + c
                        + "' is not allowed");
            }
        }
        if (label.charAt(0) == '-' || label.charAt(label.length() - 1) == '-') {
            throw new IllegalArgumentException("\"" + value + "\" is not a domain: a label starts or ends with "
                    + "a hyphen");
        }
    }
}
