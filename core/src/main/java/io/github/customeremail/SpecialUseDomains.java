package io.github.customeremail;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;

/**
 * Special-use and reserved names that never hold a customer's mailbox: the documentation names of RFC 2606
 * ({@code example.com}, {@code .net}, {@code .org}; the TLDs {@code .example}, {@code .test}, {@code .invalid},
 * {@code .localhost}), the special-use names of RFC 6761, 6762 ({@code .local}), 7686 ({@code .onion}), 8375
 * ({@code home.arpa}, under the infrastructure TLD {@code .arpa}) and 9476 ({@code .alt}), and {@code .internal},
 * which ICANN reserved for private networks. Some are in the IANA root zone ({@code .arpa}) or are real registrations
 * ({@code example.com}), so the parser alone would take them as valid.
 *
 * <p>A name is allowed again when its TLD was added as an extra TLD (a test DNS server serving {@code example.test})
 * or the domain is on the allow-list. Immutable; lookups read the address in place.
 */
final class SpecialUseDomains {

    static final SpecialUseDomains NONE_ALLOWED = new SpecialUseDomains(Set.of(), DomainSet.EMPTY);

    private static final StringTable<String> TLDS = StringTable.of(Set.of(
            "example", "test", "invalid", "localhost", "local", "onion", "arpa", "alt", "internal"));
    private static final StringTable<String> EXAMPLE_TLDS = StringTable.of(Set.of("com", "net", "org"));
    private static final String EXAMPLE = "example";

    private final Set<String> allowedTlds;
    private final DomainSet allowedDomains;

    private SpecialUseDomains(Set<String> allowedTlds, DomainSet allowedDomains) {
        this.allowedTlds = allowedTlds;
        this.allowedDomains = allowedDomains;
    }

    /**
     * @param extraTlds      TLDs the application added (any case, with or without a leading dot)
     * @param allowedDomains the allow-list, in canonical form
     * @return the special-use names with these allowed
     */
    static SpecialUseDomains allowing(Collection<String> extraTlds, Collection<String> allowedDomains) {
        if (extraTlds.isEmpty() && allowedDomains.isEmpty()) {
            return NONE_ALLOWED;
        }
        Set<String> tlds = new java.util.HashSet<>();
        for (String tld : extraTlds) {
            String t = tld.strip().toLowerCase(Locale.ROOT);
            tlds.add(t.startsWith(".") ? t.substring(1) : t);
        }
        return new SpecialUseDomains(Set.copyOf(tlds), DomainSet.of(allowedDomains));
    }

    /** @return whether {@code tld} (lower-case, no dot) is a special-use TLD */
    static boolean isSpecialTld(String tld) {
        return tld != null && TLDS.contains(tld, 0, tld.length());
    }

    /**
     * @param address a parsed address
     * @return the special-use name the domain falls under ({@code .test}, {@code example.com}), or {@code null} when
     *         it is none or is allowed
     */
    String refused(ParsedAddress address) {
        String s = address.address();
        int end = s.length();
        int dot = s.lastIndexOf('.');
        String name = null;
        if (TLDS.contains(s, dot + 1, end)) {
            name = s.substring(dot);
        } else if (EXAMPLE_TLDS.contains(s, dot + 1, end) && dot - EXAMPLE.length() > address.at()
                && s.regionMatches(dot - EXAMPLE.length(), EXAMPLE, 0, EXAMPLE.length())
                && (s.charAt(dot - EXAMPLE.length() - 1) == '.' || s.charAt(dot - EXAMPLE.length() - 1) == '@')) {
            name = s.substring(dot - EXAMPLE.length());
        }
        if (name == null) {
            return null;
        }
        if ((name.charAt(0) == '.' && allowedTlds.contains(name.substring(1)))
                || allowedDomains.match(address.domain()) != null) {
            return null;
        }
        return name;
    }
}
